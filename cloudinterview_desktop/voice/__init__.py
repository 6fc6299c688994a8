"""The voice layer (no Qt): microphone capture, Whisper speech to text, hibari text to speech, delivery analytics."""
