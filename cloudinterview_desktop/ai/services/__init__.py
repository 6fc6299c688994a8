"""AI services built on an LLMBackend: the interviewer, the evaluator, the question picker and model feedback."""
