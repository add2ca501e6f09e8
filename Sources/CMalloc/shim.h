// glibc's malloc tuning (malloc.h, which Swift's Glibc module leaves out),
// for IsnadCLI/BatchMemory.swift. Elsewhere the calls do nothing.
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif

/// Keeps freed blocks up to `mmap_threshold` bytes, and the heap's free
/// top, in the process instead of returning them to the kernel.
static inline void isnad_keep_freed_memory(int mmap_threshold) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, mmap_threshold);
    mallopt(M_TRIM_THRESHOLD, 0x7fffffff);
#else
    (void)mmap_threshold;
#endif
}

/// Back to glibc's defaults (128 KiB for both), returning what is free.
static inline void isnad_give_back_freed_memory(void) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    mallopt(M_TRIM_THRESHOLD, 128 * 1024);
    malloc_trim(0);
#endif
}
