"""Language-model backends behind one small interface: in-process llama.cpp, or an OpenAI-compatible server."""

from cloudinterview_desktop.ai.backends.base import ChatMessage, GenerationStats, LLMBackend

__all__ = ["ChatMessage", "GenerationStats", "LLMBackend"]
