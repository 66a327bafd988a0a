import Foundation

/// The project's seeded pseudo-random generator: PCG-XSH-RR 64/32 (O'Neill, 2014).
///
/// The same seed and stream give the same numbers on every machine: sampling uses
/// integer arithmetic and IEEE double operations only, never the system's random
/// source. Distinct `stream` values give independent sequences from one seed, so
/// each consumer (data shuffling, prior sampling, dropout, …) can own its own
/// stream and stay reproducible whatever the others do.
public struct RandomGenerator: Sendable, Equatable {
    /// The generator's internal state; with `increment`, all that a checkpoint must save.
    public private(set) var state: UInt64
    /// The stream selector (always odd).
    public private(set) var increment: UInt64
    /// The second value of the last Box–Muller pair, not yet returned.
    public private(set) var spareNormal: Double?

    private static let multiplier: UInt64 = 6_364_136_223_846_793_005

    /// Creates a generator for `seed` on `stream`.
    public init(seed: UInt64, stream: UInt64 = 0) {
        var mixer = SplitMix64(state: seed)
        var streamMixer = SplitMix64(state: stream &+ 0x5851_F42D_4C95_7F2D)
        increment = (streamMixer.next() << 1) | 1
        state = 0
        _ = nextUInt32()
        state = state &+ mixer.next()
        _ = nextUInt32()
    }

    /// Restores a generator from a saved `state`, `increment` and `spareNormal`.
    public init(state: UInt64, increment: UInt64, spareNormal: Double? = nil) {
        self.state = state
        self.increment = increment | 1
        self.spareNormal = spareNormal
    }

    /// The next 32 uniformly distributed bits.
    public mutating func nextUInt32() -> UInt32 {
        let old = state
        state = old &* Self.multiplier &+ increment
        let xorShifted = UInt32(truncatingIfNeeded: ((old >> 18) ^ old) >> 27)
        let rotation = UInt32(truncatingIfNeeded: old >> 59)
        return (xorShifted >> rotation) | (xorShifted << ((~rotation &+ 1) & 31))
    }

    /// The next 64 uniformly distributed bits.
    public mutating func nextUInt64() -> UInt64 {
        (UInt64(nextUInt32()) << 32) | UInt64(nextUInt32())
    }

    /// A uniform integer in `0..<bound`, without modulo bias.
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let limit = UInt64(bound)
        let threshold = (0 &- limit) % limit
        while true {
            let r = nextUInt64()
            if r >= threshold { return Int(r % limit) }
        }
    }

    /// A uniform `Float` in `[0, 1)` with 24 random bits.
    public mutating func nextFloat() -> Float {
        Float(nextUInt32() >> 8) * 0x1p-24
    }

    /// A uniform `Double` in `[0, 1)` with 53 random bits.
    public mutating func nextDouble() -> Double {
        Double(nextUInt64() >> 11) * 0x1p-53
    }

    /// A uniform `Float` in `[low, high)`.
    public mutating func uniform(_ low: Float, _ high: Float) -> Float {
        low + (high - low) * nextFloat()
    }

    /// A standard normal sample (Box–Muller in double precision).
    public mutating func nextNormal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        var u1 = nextDouble()
        while u1 <= 0 { u1 = nextDouble() }
        let u2 = nextDouble()
        let radius = (-2 * Foundation.log(u1)).squareRoot()
        let angle = 2 * Double.pi * u2
        spareNormal = radius * Foundation.sin(angle)
        return radius * Foundation.cos(angle)
    }

    /// A normal sample with the given mean and standard deviation.
    public mutating func normal(mean: Float = 0, std: Float = 1) -> Float {
        mean + std * Float(nextNormal())
    }

    /// Fills `count` values at `pointer` with normal samples.
    public mutating func fillNormal(_ pointer: UnsafeMutablePointer<Float>, count: Int, mean: Float = 0, std: Float = 1) {
        for i in 0..<count { pointer[i] = mean + std * Float(nextNormal()) }
    }

    /// Fills `count` values at `pointer` with uniform samples in `[low, high)`.
    public mutating func fillUniform(_ pointer: UnsafeMutablePointer<Float>, count: Int, low: Float, high: Float) {
        for i in 0..<count { pointer[i] = uniform(low, high) }
    }

    /// Shuffles `array` in place (Fisher–Yates).
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, nextInt(below: i + 1))
        }
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): spreads a seed's bits to initialise PCG.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
