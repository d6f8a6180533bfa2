"""Text handling: normalisation, language detection, and reading notes into needs/offers."""
