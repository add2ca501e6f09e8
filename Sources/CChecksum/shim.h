// CRC-32C by the processor (SSE 4.2 on x86-64, the CRC extension on
// 64-bit ARM), for IsnadStore/Checksum.swift; header-only, so the
// compiler builds it into the module that imports it. Elsewhere
// isnad_crc32c_in_hardware() is 0 and the table in Swift serves.
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

/// Whether this processor computes CRC-32C itself (SSE 4.2 on x86-64,
/// the CRC extension on 64-bit ARM).
static inline int isnad_crc32c_in_hardware(void) {
#if defined(__x86_64__)
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    return (c >> 20) & 1;
#elif defined(__aarch64__) && defined(__ARM_FEATURE_CRC32)
    return 1;
#else
    return 0;
#endif
}

#if defined(__x86_64__)
__attribute__((target("sse4.2")))
static inline uint32_t isnad_crc32c_hardware(uint32_t crc, const void *bytes, size_t n) {
    const unsigned char *p = (const unsigned char *)bytes;
    uint64_t c = (uint32_t)~crc;
    while (n >= 8) {
        uint64_t v;
        memcpy(&v, p, 8);
        c = __builtin_ia32_crc32di(c, v);
        p += 8;
        n -= 8;
    }
    uint32_t c32 = (uint32_t)c;
    while (n > 0) {
        c32 = __builtin_ia32_crc32qi(c32, *p++);
        n--;
    }
    return ~c32;
}
#elif defined(__aarch64__) && defined(__ARM_FEATURE_CRC32)
static inline uint32_t isnad_crc32c_hardware(uint32_t crc, const void *bytes, size_t n) {
    const unsigned char *p = (const unsigned char *)bytes;
    uint32_t c = ~crc;
    while (n >= 8) {
        uint64_t v;
        memcpy(&v, p, 8);
        c = __builtin_arm_crc32cd(c, v);
        p += 8;
        n -= 8;
    }
    while (n > 0) {
        c = __builtin_arm_crc32cb(c, *p++);
        n--;
    }
    return ~c;
}
#else
static inline uint32_t isnad_crc32c_hardware(uint32_t crc, const void *bytes, size_t n) {
    (void)bytes;
    (void)n;
    return crc;
}
#endif
