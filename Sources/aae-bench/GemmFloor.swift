import AAECore
import Foundation

/// The floor of a training step: the same sequence of sgemm calls the step
/// makes (shapes, transposes, beta), replayed alone on buffers of the same sizes.
final class GemmFloor {
    private let calls: [GemmCall]
    private let a: UnsafeMutablePointer<Float>
    private let b: UnsafeMutablePointer<Float>
    private let c: UnsafeMutablePointer<Float>

    init(calls: [GemmCall]) {
        self.calls = calls
        let largest = calls.reduce(1) { max($0, $1.m * $1.k, $1.k * $1.n, $1.m * $1.n) }
        var random = RandomGenerator(seed: 1)
        a = .allocate(capacity: largest)
        b = .allocate(capacity: largest)
        c = .allocate(capacity: largest)
        random.fillUniform(a, count: largest, low: -1, high: 1)
        random.fillUniform(b, count: largest, low: -1, high: 1)
        c.initialize(repeating: 0, count: largest)
    }

    deinit {
        a.deallocate()
        b.deallocate()
        c.deallocate()
    }

    /// The floating-point operations of one step's products.
    var flops: Double { calls.reduce(0) { $0 + 2 * Double($1.m * $1.n * $1.k) } }

    /// Replays one step's products.
    func replay() {
        for call in calls {
            BLAS.gemm(transposeA: call.transposeA, transposeB: call.transposeB, m: call.m, n: call.n, k: call.k,
                      a: a, b: b, beta: call.beta, c: c)
        }
    }
}
