import AAECore
import Foundation

/// The floor of a training step: the same sequence of sgemm calls the step
/// makes (shapes, transposes, alpha, beta), replayed alone.
///
/// `replay` makes each call on the step's own operands (weights, activations,
/// gradients where the step has them), so the floor reads memory as the step
/// does; `replayOnCachedBuffers` makes them on three shared buffers that stay in
/// cache, the products' speed with no memory traffic of the step's size.
/// Replaying overwrites activations and gradients, never parameters, and the
/// next training step recomputes them.
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

    /// Replays one step's products on the step's own operands.
    func replay() {
        for call in calls {
            BLAS.gemm(transposeA: call.transposeA, transposeB: call.transposeB, m: call.m, n: call.n, k: call.k,
                      alpha: call.alpha, a: call.a, b: call.b, beta: call.beta, c: call.c)
        }
    }

    /// Replays one step's products on buffers shared by all calls.
    func replayOnCachedBuffers() {
        for call in calls {
            BLAS.gemm(transposeA: call.transposeA, transposeB: call.transposeB, m: call.m, n: call.n, k: call.k,
                      alpha: call.alpha, a: a, b: b, beta: call.beta, c: c)
        }
    }
}
