"""Text helpers shared by the stages: sentences, language, normalisation. No pipeline logic."""
