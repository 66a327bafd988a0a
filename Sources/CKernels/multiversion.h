#ifndef AAE_MULTIVERSION_H
#define AAE_MULTIVERSION_H

/// Compiles a function once per instruction set and picks the best one the
/// processor has when the library loads (an ifunc); elsewhere, one version.
#if defined(__x86_64__) && defined(__linux__) && defined(__clang__)
#define AAE_MULTIVERSION __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define AAE_MULTIVERSION
#endif

#endif
