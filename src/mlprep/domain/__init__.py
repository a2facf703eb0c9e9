"""The ML domain-knowledge round: deep question banks per track (LLMs, recommender systems,
search and ads, vision, experimentation), scheduled by the same FSRS machinery as breadth."""
