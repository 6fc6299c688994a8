"""The on-device AI layer: model backends, the model manager and the AI services built on them (no Qt)."""
