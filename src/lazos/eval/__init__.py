"""Quality benchmark harnesses behind ``lazos eval`` (formats: ../shared/bench/README.md)."""
