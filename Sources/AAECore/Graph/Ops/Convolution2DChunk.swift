import CKernels

/// One chunk of a `Convolution2D`'s batch, done whole on one thread with that
/// thread's buffers (`ChunkScratch`): the same kernels and the same sgemm calls,
/// bit for bit, as the operation's passes spread over the pool.
///
/// Forward: the bias, the patches, their product and the rectifier. Backward:
/// the gradient before the rectifier, the patches of the input and the input
/// gradient's patches, scattered into it; then, in chunk order, the bias's
/// column sums and the kernel gradient's product.
final class Convolution2DChunk: ChunkWork {
    /// The buffers of each thread: the patches, then the gradient before the
    /// rectifier (with one), then the input gradient's patches.
    static let patchBuffer = 0
    static let rectifierGradientBuffer = 1

    unowned let patches: PatchMatrix
    let filters: Int
    let rectifier: Rectifier?
    unowned let zeroPerChannel: Tensor
    private var isForward = true
    private var x: UnsafePointer<Float>?, kernel: UnsafePointer<Float>?, bias: UnsafePointer<Float>?
    private var y: UnsafeMutablePointer<Float>?
    private var dy: UnsafePointer<Float>?
    private var db: UnsafeMutablePointer<Float>?, dw: UnsafeMutablePointer<Float>?, dx: UnsafeMutablePointer<Float>?
    private var kernelBeta: Float = 0
    private var assignsInputGradient = false

    init(patches: PatchMatrix, filters: Int, rectifier: Rectifier?, zeroPerChannel: Tensor) {
        self.patches = patches
        self.filters = filters
        self.rectifier = rectifier
        self.zeroPerChannel = zeroPerChannel
    }

    private var inputGradientPatchBuffer: Int { rectifier == nil ? 1 : 2 }

    /// `y = patches(x) · W + b`, then the rectifier, chunk by chunk over the pool.
    func forward(x: UnsafePointer<Float>, kernel: UnsafePointer<Float>, bias: UnsafePointer<Float>,
                 y: UnsafeMutablePointer<Float>) {
        isForward = true
        self.x = x; self.kernel = kernel; self.bias = bias; self.y = y
        let buffer = patches.scratch.buffers[Self.patchBuffer].data
        for first in patches.chunks { BLAS.record(product(first: first, images: patches.images(from: first), buffer)) }
        patches.scratch.forEachChunk(self)
    }

    /// The gradients of the input (`dx`), kernel (`dw`, its first chunk's product
    /// with `kernelBeta`) and bias (`db`, zeroed already on its first contribution),
    /// each when present, chunk by chunk over the pool.
    func backward(dy: UnsafePointer<Float>, y: UnsafePointer<Float>, x: UnsafePointer<Float>,
                  kernel: UnsafePointer<Float>, db: UnsafeMutablePointer<Float>?, dw: UnsafeMutablePointer<Float>?,
                  kernelBeta: Float, dx: UnsafeMutablePointer<Float>?, assignsInputGradient: Bool) {
        isForward = false
        self.dy = dy; self.y = UnsafeMutablePointer(mutating: y); self.x = x; self.kernel = kernel
        self.db = db; self.dw = dw; self.dx = dx
        self.kernelBeta = kernelBeta
        self.assignsInputGradient = assignsInputGradient
        let buffers = patches.scratch.buffers
        for first in patches.chunks {
            let images = patches.images(from: first), gradient = outputGradient(first: first, buffers: buffers)
            if dw != nil {
                BLAS.record(kernelGradient(first: first, images: images, gradient, buffers[Self.patchBuffer].data))
            }
            if dx != nil {
                BLAS.record(inputGradientPatches(images: images, gradient,
                                                 buffers[inputGradientPatchBuffer].data))
            }
        }
        patches.scratch.forEachChunk(self)
    }

    var accumulates: Bool { !isForward }

    func perform(first: Int, items images: Int, buffers: [Tensor]) {
        let g = patches.geometry, rows = images * g.outputPositions
        let offset = first * g.outputPositions * filters
        if isForward {
            guard let x, let bias, let y else { return }
            let yChunk = y + offset
            for row in 0..<rows {
                let target = yChunk + row * filters
                for column in 0..<filters { target[column] = bias[column] }
            }
            let buffer = buffers[Self.patchBuffer].data
            patches.here(.gather, images: UnsafeMutablePointer(mutating: x + first * g.inputSize), patches: buffer,
                         count: images)
            BLAS.gemmOnThisThread(product(first: first, images: images, buffer))
            if let rectifier { aae_rectify(yChunk, rows * filters, Int32(rectifier.code), rectifier.slope) }
            return
        }
        guard let dy, let y, let x else { return }
        if let rectifier {
            aae_rectified_gradient(dy + offset, y + offset, rectifier.slope,
                                   buffers[Self.rectifierGradientBuffer].data, rows * filters)
        }
        let gradient = outputGradient(first: first, buffers: buffers)
        if dw != nil {
            patches.here(.gather, images: UnsafeMutablePointer(mutating: x + first * g.inputSize),
                         patches: buffers[Self.patchBuffer].data, count: images)
        }
        if let dx {
            let buffer = buffers[inputGradientPatchBuffer].data
            BLAS.gemmOnThisThread(inputGradientPatches(images: images, gradient, buffer))
            let mode: PatchPass.Mode = assignsInputGradient
                ? .assign(bias: zeroPerChannel.data, rectifier: nil) : .scatterAdd
            patches.here(mode, images: dx + first * g.inputSize, patches: buffer, count: images)
        }
    }

    func accumulate(first: Int, items images: Int, buffers: [Tensor]) {
        let gradient = outputGradient(first: first, buffers: buffers)
        if let db {
            aae_column_sums(gradient, nil, 0, images * patches.geometry.outputPositions, filters, filters, db)
        }
        if dw != nil {
            BLAS.gemmOnThisThread(kernelGradient(first: first, images: images, gradient,
                                                 buffers[Self.patchBuffer].data))
        }
    }

    /// The chunk's output gradient before the rectifier: in the thread's buffer with one, else `dy`'s own rows.
    private func outputGradient(first: Int, buffers: [Tensor]) -> UnsafePointer<Float> {
        if rectifier != nil { return UnsafePointer(buffers[Self.rectifierGradientBuffer].data) }
        return dy! + first * patches.geometry.outputPositions * filters
    }

    /// The forward product of the chunk at `first`, its patches in `buffer`.
    private func product(first: Int, images: Int, _ buffer: UnsafeMutablePointer<Float>) -> GemmCall {
        let g = patches.geometry
        return GemmCall(transposeA: false, transposeB: false, m: images * g.outputPositions, n: filters,
                        k: g.patchSize, a: buffer, b: kernel!, beta: 1, c: y! + first * g.outputPositions * filters)
    }

    /// `dW += patchesᵀ · dy` of the chunk at `first`, its patches in `buffer`.
    private func kernelGradient(first: Int, images: Int, _ gradient: UnsafePointer<Float>,
                                _ buffer: UnsafeMutablePointer<Float>) -> GemmCall {
        GemmCall(transposeA: true, transposeB: false, m: patches.geometry.patchSize, n: filters,
                 k: images * patches.geometry.outputPositions, a: buffer, b: gradient,
                 beta: first == 0 ? kernelBeta : 1, c: dw!)
    }

    /// `dpatches = dy · Wᵀ` of a chunk of `images` into `buffer`.
    private func inputGradientPatches(images: Int, _ gradient: UnsafePointer<Float>,
                                      _ buffer: UnsafeMutablePointer<Float>) -> GemmCall {
        GemmCall(transposeA: false, transposeB: true, m: images * patches.geometry.outputPositions,
                 n: patches.geometry.patchSize, k: filters, a: gradient, b: kernel!, c: buffer)
    }
}
