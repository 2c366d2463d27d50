"""Qt item models over Galley's Qt-free review model."""
