import CKernels

/// A fused rectifier's own pass over one chunk of an operation's values, which its
/// product has just brought into cache: forward, the rectifier in place on the
/// product's output; backward, the gradient before the rectifier, `dy · rectifier′`,
/// read from the output. Shared out over the run's threads in fixed chunks when there
/// are many; each value is computed by the same code wherever it lands, so the split
/// changes no bit. Made once by its operation.
final class RectifierPass: ChunkedPass {
    var chunks = PassChunks()
    let rectifier: Rectifier
    private var values: UnsafeMutablePointer<Float>?
    private var gradient: UnsafePointer<Float>?
    private var output: UnsafePointer<Float>?

    init(_ rectifier: Rectifier) { self.rectifier = rectifier }

    /// The rectifier applied to `count` values in place.
    func rectify(_ values: UnsafeMutablePointer<Float>, count: Int) {
        self.values = values
        gradient = nil
        output = nil
        run(count: count, minimumChunk: ElementwiseChunking.minimumCachedValues)
    }

    /// `target = dy · rectifier′` over `count` values, the derivative read from the rectifier's output `y`.
    func gradient(_ dy: UnsafePointer<Float>, output y: UnsafePointer<Float>,
                  into target: UnsafeMutablePointer<Float>, count: Int) {
        values = target
        gradient = dy
        output = y
        run(count: count, minimumChunk: ElementwiseChunking.minimumCachedValues)
    }

    func perform(range: Range<Int>) {
        guard let values else { return }
        let first = range.lowerBound
        if let gradient, let output {
            aae_rectified_gradient(gradient + first, output + first, rectifier.slope, values + first, range.count)
        } else {
            aae_rectify(values + first, range.count, Int32(rectifier.code), rectifier.slope)
        }
    }
}
