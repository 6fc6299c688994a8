"""The interviewer's judgement, in code: what an answer contains, what it lacks, which authored follow-up
addresses that, and the contract every interviewer turn must keep. Qt-free; no model needed."""
