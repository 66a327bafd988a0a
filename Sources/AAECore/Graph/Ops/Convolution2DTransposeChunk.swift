import CKernels

/// One chunk of a `Convolution2DTranspose`'s batch, done whole on one thread
/// with that thread's patch buffer (`ChunkScratch`): the same kernels and the
/// same sgemm calls, bit for bit, as the operation's passes spread over the pool.
///
/// Forward: the product into the buffer, gathered into the output with the bias
/// and the rectifier. Backward: the output gradient's patches (times the
/// rectifier's derivative) and `dx = dpatches · W`; then, in chunk order, the
/// bias's column sums and `dW += dpatchesᵀ · x`.
final class Convolution2DTransposeChunk: ChunkWork {
    unowned let patches: PatchMatrix
    let inputChannels: Int
    let rectifier: Rectifier?
    private var isForward = true
    private var x: UnsafePointer<Float>?, kernel: UnsafePointer<Float>?, bias: UnsafePointer<Float>?
    private var y: UnsafeMutablePointer<Float>?
    private var dy: UnsafePointer<Float>?
    private var db: UnsafeMutablePointer<Float>?, dw: UnsafeMutablePointer<Float>?, dx: UnsafeMutablePointer<Float>?
    private var kernelBeta: Float = 0, inputBeta: Float = 0

    init(patches: PatchMatrix, inputChannels: Int, rectifier: Rectifier?) {
        self.patches = patches
        self.inputChannels = inputChannels
        self.rectifier = rectifier
    }

    /// The output from `x` with the bias and the rectifier, chunk by chunk over the pool.
    func forward(x: UnsafePointer<Float>, kernel: UnsafePointer<Float>, bias: UnsafePointer<Float>,
                 y: UnsafeMutablePointer<Float>) {
        isForward = true
        self.x = x; self.kernel = kernel; self.bias = bias; self.y = y
        let buffer = patches.buffer.data
        for first in patches.chunks { BLAS.record(product(first: first, images: patches.images(from: first), buffer)) }
        patches.scratch.forEachChunk(self)
    }

    /// The gradients of the input (`dx`, with `inputBeta`), kernel (`dw`, its first
    /// chunk's product with `kernelBeta`) and bias (`db`, zeroed already on its first
    /// contribution), each when present, chunk by chunk over the pool.
    func backward(dy: UnsafePointer<Float>, y: UnsafePointer<Float>, x: UnsafePointer<Float>,
                  kernel: UnsafePointer<Float>, db: UnsafeMutablePointer<Float>?, dw: UnsafeMutablePointer<Float>?,
                  kernelBeta: Float, dx: UnsafeMutablePointer<Float>?, inputBeta: Float) {
        isForward = false
        self.dy = dy; self.y = UnsafeMutablePointer(mutating: y); self.x = x; self.kernel = kernel
        self.db = db; self.dw = dw; self.dx = dx
        self.kernelBeta = kernelBeta
        self.inputBeta = inputBeta
        let buffer = patches.buffer.data
        for first in patches.chunks {
            let images = patches.images(from: first)
            if dx != nil { BLAS.record(inputGradient(first: first, images: images, buffer)) }
            if dw != nil { BLAS.record(kernelGradient(first: first, images: images, buffer)) }
        }
        patches.scratch.forEachChunk(self)
    }

    var accumulates: Bool { !isForward }

    func perform(first: Int, items images: Int, buffers: [Tensor]) {
        let g = patches.geometry, buffer = buffers[0].data
        if isForward {
            guard let bias, let y else { return }
            BLAS.gemmOnThisThread(product(first: first, images: images, buffer))
            patches.here(.assign(bias: bias, rectifier: rectifier), images: y + first * g.inputSize,
                         patches: buffer, count: images)
            return
        }
        guard let dy, let y else { return }
        let dyChunk = UnsafeMutablePointer(mutating: dy + first * g.inputSize)
        let mode: PatchPass.Mode = rectifier.map { .gatherRectified(output: y + first * g.inputSize, slope: $0.slope) }
            ?? .gather
        patches.here(mode, images: dyChunk, patches: buffer, count: images)
        if dx != nil { BLAS.gemmOnThisThread(inputGradient(first: first, images: images, buffer)) }
    }

    func accumulate(first: Int, items images: Int, buffers: [Tensor]) {
        let g = patches.geometry
        if let db, let dy, let y {
            let pixels = images * g.inputHeight * g.inputWidth
            aae_column_sums(dy + first * g.inputSize, rectifier.map { _ in UnsafePointer(y + first * g.inputSize) },
                            rectifier?.slope ?? 0, pixels, g.channels, g.channels, db)
        }
        if dw != nil { BLAS.gemmOnThisThread(kernelGradient(first: first, images: images, buffers[0].data)) }
    }

    /// `patches = x · Wᵀ` of the chunk at `first` into `buffer`.
    private func product(first: Int, images: Int, _ buffer: UnsafeMutablePointer<Float>) -> GemmCall {
        let g = patches.geometry
        return GemmCall(transposeA: false, transposeB: true, m: images * g.outputPositions, n: g.patchSize,
                        k: inputChannels, a: x! + first * g.outputPositions * inputChannels, b: kernel!, c: buffer)
    }

    /// `dx = dpatches · W` of the chunk at `first`, its output gradient's patches in `buffer`.
    private func inputGradient(first: Int, images: Int, _ buffer: UnsafeMutablePointer<Float>) -> GemmCall {
        let g = patches.geometry
        return GemmCall(transposeA: false, transposeB: false, m: images * g.outputPositions, n: inputChannels,
                        k: g.patchSize, a: buffer, b: kernel!, beta: inputBeta,
                        c: dx! + first * g.outputPositions * inputChannels)
    }

    /// `dW += dpatchesᵀ · x` of the chunk at `first`, its output gradient's patches in `buffer`.
    private func kernelGradient(first: Int, images: Int, _ buffer: UnsafeMutablePointer<Float>) -> GemmCall {
        let g = patches.geometry
        return GemmCall(transposeA: true, transposeB: false, m: g.patchSize, n: inputChannels,
                        k: images * g.outputPositions, a: buffer, b: x! + first * g.outputPositions * inputChannels,
                        beta: first == 0 ? kernelBeta : 1, c: dw!)
    }
}
