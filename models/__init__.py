"""The project's trained Swedish pipeline, installed with the package (see README.md here)."""
