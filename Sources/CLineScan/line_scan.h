#ifndef FAULTMAVEN_LINE_SCAN_H
#define FAULTMAVEN_LINE_SCAN_H

#include <stdint.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
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

/// Newline offsets of the full 64-byte blocks at `p` (`blocks` of them, all readable), each
/// `at` + its offset from `p`, appended to `ends` from `*found` on, until the first block that
/// holds a byte above 0x7F. Returns the blocks done (all of them, or the index of that block).
/// `ends` needs room for `*found` + 64 * `blocks` + 4 entries (a few are written past the
/// count and then overwritten). Portable version, block by block with `fm_scan_block64`.
static inline size_t fm_gather_newlines_base(const uint8_t *p, size_t blocks, int32_t at, int32_t *ends, size_t *found) {
    size_t n = *found;
    size_t b = 0;
    for (; b < blocks; b++) {
        uint64_t high;
        uint64_t mask = fm_scan_block64(p + 64 * b, &high);
        if (high) break;
        int32_t block_at = at + (int32_t)(64 * b);
        while (mask) {
            ends[n++] = block_at + (int32_t)__builtin_ctzll(mask);
            mask &= mask - 1;
        }
    }
    *found = n;
    return b;
}

#if defined(__x86_64__)
/// As `fm_gather_newlines_base`, with 32-byte compares (AVX2) and bit instructions (BMI1,
/// POPCNT): only call it when `fm_cpu_has_avx2()` said so. Four offsets are written per block
/// whatever its count (no branch per newline), the count then added.
__attribute__((target("avx2,bmi,popcnt")))
static size_t fm_gather_newlines_avx2(const uint8_t *p, size_t blocks, int32_t at, int32_t *ends, size_t *found) {
    const __m256i newline = _mm256_set1_epi8('\n');
    size_t n = *found;
    size_t b = 0;
    for (; b < blocks; b++) {
        __m256i lo = _mm256_loadu_si256((const __m256i *)(const void *)(p + 64 * b));
        __m256i hi = _mm256_loadu_si256((const __m256i *)(const void *)(p + 64 * b + 32));
        if (_mm256_movemask_epi8(_mm256_or_si256(lo, hi))) break;
        uint64_t mask = (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, newline))
            | ((uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, newline)) << 32);
        int32_t block_at = at + (int32_t)(64 * b);
        size_t count = (size_t)_mm_popcnt_u64(mask);
        ends[n] = block_at + (int32_t)_tzcnt_u64(mask);
        mask = _blsr_u64(mask);
        ends[n + 1] = block_at + (int32_t)_tzcnt_u64(mask);
        mask = _blsr_u64(mask);
        ends[n + 2] = block_at + (int32_t)_tzcnt_u64(mask);
        mask = _blsr_u64(mask);
        ends[n + 3] = block_at + (int32_t)_tzcnt_u64(mask);
        mask = _blsr_u64(mask);
        size_t k = n + 4;
        while (mask) {
            ends[k++] = block_at + (int32_t)_tzcnt_u64(mask);
            mask = _blsr_u64(mask);
        }
        n += count;
    }
    *found = n;
    return b;
}
#endif

/// Whether this CPU (and the OS, for the 32-byte registers) supports AVX2, BMI1 and POPCNT.
static inline int fm_cpu_has_avx2(void) {
#if defined(__x86_64__)
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    const unsigned osxsave = 1u << 27, avx = 1u << 28, popcnt = 1u << 23;
    if ((c & (osxsave | avx | popcnt)) != (osxsave | avx | popcnt)) return 0;
    unsigned xcr0_lo, xcr0_hi;
    __asm__ volatile("xgetbv" : "=a"(xcr0_lo), "=d"(xcr0_hi) : "c"(0));
    if ((xcr0_lo & 6) != 6) return 0;  /* XMM and YMM state saved by the OS */
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    const unsigned avx2 = 1u << 5, bmi1 = 1u << 3;
    return (b & (avx2 | bmi1)) == (avx2 | bmi1);
#else
    return 0;
#endif
}

/// `fm_gather_newlines_avx2` when `wide` (from `fm_cpu_has_avx2()`), else the portable version.
static inline size_t fm_gather_newlines(const uint8_t *p, size_t blocks, int32_t at, int32_t *ends, size_t *found, int wide) {
#if defined(__x86_64__)
    if (wide) return fm_gather_newlines_avx2(p, blocks, at, ends, found);
#endif
    return fm_gather_newlines_base(p, blocks, at, ends, found);
}

#endif
