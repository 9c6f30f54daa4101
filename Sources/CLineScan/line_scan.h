#ifndef FAULTMAVEN_LINE_SCAN_H
#define FAULTMAVEN_LINE_SCAN_H

#include <stdint.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Scans the 64 bytes at `p` (which must all be readable): returns a mask with bit i set where
/// p[i] is '\n', and stores in `*high` a mask with bit i set where p[i] is above 0x7F.
/// On x86-64 this is four 16-byte compares and byte-mask extractions (SSE2, always present);
/// elsewhere a byte loop.
static inline uint64_t fm_scan_block64(const uint8_t *p, uint64_t *high) {
#if defined(__SSE2__)
    const __m128i newline = _mm_set1_epi8('\n');
    uint64_t newlines = 0, highs = 0;
    for (int k = 0; k < 4; k++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
        newlines |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, newline)) << (16 * k);
        highs |= (uint64_t)(uint16_t)_mm_movemask_epi8(v) << (16 * k);
    }
    *high = highs;
    return newlines;
#else
    uint64_t newlines = 0, highs = 0;
    for (int i = 0; i < 64; i++) {
        newlines |= (uint64_t)(p[i] == '\n') << i;
        highs |= (uint64_t)(p[i] >> 7) << i;
    }
    *high = highs;
    return newlines;
#endif
}

#endif
