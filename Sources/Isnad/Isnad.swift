// The public facade; see docs/embedding.md.
