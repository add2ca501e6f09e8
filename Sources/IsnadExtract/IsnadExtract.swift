// IsnadExtract: see Package.swift for its place in the layering.
