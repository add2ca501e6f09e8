// LMDB's public header, unchanged. Everything in it is callable from Swift,
// so no wrappers are needed here; IsnadStore is the only importer.
#include <lmdb.h>
