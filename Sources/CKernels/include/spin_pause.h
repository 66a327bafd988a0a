#ifndef AAE_SPIN_PAUSE_H
#define AAE_SPIN_PAUSE_H

/// Tells the core that the thread is spinning on a memory location: it then
/// spends less power and leaves its sibling hyperthread more of the core.
static inline void aae_spin_pause(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

#endif
