import CKernels

/// One chunk of a `ProductFirstConvolution2D`'s batch, done whole on one thread
/// with that thread's `Z` (`ChunkScratch`): the same kernels and the same sgemm
/// calls, bit for bit, as the operation's passes spread over the pool.
///
/// Forward: the bias, `Z = x · W'` and its window sums. Backward: `dZ`, the
/// output gradient spread to its slots, and `dx = dZ · W'ᵀ`; then, in chunk
/// order, `dW' += xᵀ · dZ`.
final class ProductFirstConvolution2DChunk: ChunkWork {
    unowned let convolution: ProductFirstConvolution2D
    private var isForward = true
    private var x: UnsafePointer<Float>?, bias: UnsafePointer<Float>?, y: UnsafeMutablePointer<Float>?
    private var dy: UnsafePointer<Float>?, dx: UnsafeMutablePointer<Float>?
    private var inputBeta: Float = 0
    private var computesKernelGradient = false

    init(convolution: ProductFirstConvolution2D) { self.convolution = convolution }

    private var scratch: ChunkScratch { convolution.scratch }

    /// The output from `x` (the kernel already in `inputMajorKernel`), chunk by chunk over the pool.
    func forward(x: UnsafePointer<Float>, bias: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>) {
        isForward = true
        self.x = x; self.bias = bias; self.y = y
        let buffer = scratch.buffers[0].data
        for first in scratch.chunks { BLAS.record(products(first: first, images: scratch.items(from: first), buffer)) }
        scratch.forEachChunk(self)
    }

    /// The input's gradient (`dx`, with `inputBeta`) when present and, when
    /// `computesKernelGradient`, `dW'` in `inputMajorKernelGradient`, chunk by chunk over the pool.
    func backward(dy: UnsafePointer<Float>, x: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>?,
                  inputBeta: Float, computesKernelGradient: Bool) {
        isForward = false
        self.dy = dy; self.x = x; self.dx = dx
        self.inputBeta = inputBeta
        self.computesKernelGradient = computesKernelGradient
        let buffer = scratch.buffers[0].data
        for first in scratch.chunks {
            let images = scratch.items(from: first)
            if dx != nil { BLAS.record(inputGradient(first: first, images: images, buffer)) }
            if computesKernelGradient { BLAS.record(kernelGradient(first: first, images: images, buffer)) }
        }
        scratch.forEachChunk(self)
    }

    var accumulates: Bool { !isForward && computesKernelGradient }

    func perform(first: Int, items images: Int, buffers: [Tensor]) {
        let g = convolution.geometry, filters = convolution.filters, buffer = buffers[0].data
        if isForward {
            guard let bias, let y else { return }
            let yChunk = y + first * g.outputPositions * filters
            for row in 0..<images * g.outputPositions {
                let target = yChunk + row * filters
                for column in 0..<filters { target[column] = bias[column] }
            }
            BLAS.gemmOnThisThread(products(first: first, images: images, buffer))
            aae_window_sum(buffer, yChunk, images, g.inputHeight, g.inputWidth, filters, g.kernelHeight,
                           g.kernelWidth, g.strideHeight, g.strideWidth, g.padTop, g.padLeft, g.outputHeight,
                           g.outputWidth)
            return
        }
        guard let dy else { return }
        aae_window_spread(dy + first * g.outputPositions * filters, buffer, images, g.inputHeight, g.inputWidth,
                          filters, g.kernelHeight, g.kernelWidth, g.strideHeight, g.strideWidth, g.padTop, g.padLeft,
                          g.outputHeight, g.outputWidth)
        if dx != nil { BLAS.gemmOnThisThread(inputGradient(first: first, images: images, buffer)) }
    }

    func accumulate(first: Int, items images: Int, buffers: [Tensor]) {
        BLAS.gemmOnThisThread(kernelGradient(first: first, images: images, buffers[0].data))
    }

    /// `Z = x · W'` of the chunk at `first` into `buffer`.
    private func products(first: Int, images: Int, _ buffer: UnsafeMutablePointer<Float>) -> GemmCall {
        let g = convolution.geometry
        return GemmCall(transposeA: false, transposeB: false, m: images * convolution.pixels, n: convolution.slots,
                        k: g.channels, a: x! + first * g.inputSize, b: convolution.inputMajorKernel.data, c: buffer)
    }

    /// `dx = dZ · W'ᵀ` of the chunk at `first`, its `dZ` in `buffer`.
    private func inputGradient(first: Int, images: Int, _ buffer: UnsafeMutablePointer<Float>) -> GemmCall {
        let g = convolution.geometry
        return GemmCall(transposeA: false, transposeB: true, m: images * convolution.pixels, n: g.channels,
                        k: convolution.slots, a: buffer, b: convolution.inputMajorKernel.data, beta: inputBeta,
                        c: dx! + first * g.inputSize)
    }

    /// `dW' += xᵀ · dZ` of the chunk at `first` (set by the first chunk), its `dZ` in `buffer`.
    private func kernelGradient(first: Int, images: Int, _ buffer: UnsafeMutablePointer<Float>) -> GemmCall {
        let g = convolution.geometry
        return GemmCall(transposeA: true, transposeB: false, m: g.channels, n: convolution.slots,
                        k: images * convolution.pixels, a: x! + first * g.inputSize, b: buffer,
                        beta: first == 0 ? 0 : 1, c: convolution.inputMajorKernelGradient.data)
    }
}
