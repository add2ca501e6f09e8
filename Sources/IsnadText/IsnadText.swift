// Text analysis: normalisation, tokens with offsets, Arabic light stemming,
// the English stemmer, sentence splitting and cross-script name keys.
// Filled by the text analysis issue; this module never depends on storage.
