import CKernels

/// A 2-D convolution of NHWC maps computed products first, for a convolution
/// with fewer output channels than input channels (a decoder's last
/// `conv2d 1 3x3 same`): every input pixel's channels times every kernel
/// position's weights, `Z = x · W'` with `W'` the kernel as `[cin, kh · kw · cout]`,
/// then each output sums the products under its window (`aae_window_sum`). Its
/// buffer holds `kh · kw · cout` values per input pixel where im2col's holds
/// `kh · kw · cin` per output pixel, so far less memory moves for the same products.
///
/// Backward: the output gradient spread to the product slots it was summed from
/// (`dZ`), then `dx = dZ · W'ᵀ` and `dW' += xᵀ · dZ`, `dW'` turned back into
/// Keras' `[kh, kw, cin, cout]`.
///
/// A batch of several chunks goes through the pool a whole chunk per thread
/// (`ProductFirstConvolution2DChunk`), each thread with its own `Z`; one chunk
/// goes through the passes in turn, each spread over the pool.
final class ProductFirstConvolution2D: Operation {
    let geometry: ConvolutionGeometry
    let batch: Int
    let filters: Int
    /// The chunks of the batch and each thread's `Z` (or `dZ`) of one chunk of
    /// images, `[images · h · w, kh · kw · cout]`.
    let scratch: ChunkScratch
    /// The kernel as `[cin, kh · kw · cout]`, and its gradient.
    let inputMajorKernel: Tensor
    let inputMajorKernelGradient: Tensor
    private let windows: WindowPass
    private let biasRows = BiasRows()
    private let biasGradient = BiasGradient()
    private lazy var chunk = ProductFirstConvolution2DChunk(convolution: self)

    init(geometry: ConvolutionGeometry, batch: Int, filters: Int, patchCapacity: Int?) {
        self.geometry = geometry
        self.batch = batch
        self.filters = filters
        let slots = geometry.kernelHeight * geometry.kernelWidth * filters
        let pixels = geometry.inputHeight * geometry.inputWidth
        let imagesPerChunk = max(1, min(batch, (patchCapacity ?? PatchMatrix.capacityValues) / max(pixels * slots, 1)))
        scratch = ChunkScratch(batch: batch, itemsPerChunk: imagesPerChunk, shapes: [[imagesPerChunk * pixels, slots]])
        inputMajorKernel = Tensor(shape: [geometry.channels, slots])
        inputMajorKernelGradient = Tensor(shape: [geometry.channels, slots])
        windows = WindowPass(geometry: geometry, filters: filters, products: scratch.buffers[0].data)
    }

    /// The owner's `Z` (or `dZ`) of one chunk.
    private var products: Tensor { scratch.buffers[0] }

    /// Whether products first moves fewer values than im2col for `geometry`.
    static func isCheaper(_ geometry: ConvolutionGeometry, filters: Int) -> Bool {
        geometry.inputHeight * geometry.inputWidth * filters < geometry.outputPositions * geometry.channels
    }

    var slots: Int { products.columns }
    var pixels: Int { geometry.inputHeight * geometry.inputWidth }

    /// `(k, c, f) → (c, k, f)` from `kernel` into `inputMajorKernel`.
    private func transposeKernel(_ kernel: UnsafePointer<Float>) {
        let positions = geometry.kernelHeight * geometry.kernelWidth, channels = geometry.channels
        let target = inputMajorKernel.data
        for k in 0..<positions {
            for c in 0..<channels {
                (target + (c * positions + k) * filters).update(from: kernel + (k * channels + c) * filters,
                                                                 count: filters)
            }
        }
    }

    func forward(inputs: [GraphNode], output: GraphNode) {
        let x = inputs[0].value.data, bias = inputs[2].value.data, y = output.value.data
        let g = geometry
        transposeKernel(inputs[1].value.data)
        if scratch.spreadsChunks {
            chunk.forward(x: x, bias: bias, y: y)
            return
        }
        biasRows.fill(y, rows: output.value.count / filters, with: bias, columns: filters)
        for first in scratch.chunks {
            let images = scratch.items(from: first)
            BLAS.gemm(transposeA: false, transposeB: false, m: images * pixels, n: slots, k: g.channels,
                      a: x + first * g.inputSize, b: inputMajorKernel.data, c: products.data)
            windows.outputs = y + first * g.outputPositions * filters
            windows.isSum = true
            windows.run(count: images, minimumChunk: windows.minimumImages)
        }
    }

    func backward(inputs: [GraphNode], output: GraphNode) {
        guard let dy = output.gradient?.data else { return }
        let input = inputs[0], kernel = inputs[1], bias = inputs[2]
        let g = geometry
        if let db = bias.gradient?.data {
            biasGradient.add(columnSumsOf: dy, rows: output.value.count / filters, columns: filters, into: bias, db)
        }
        guard input.gradient != nil || kernel.gradient != nil else { return }
        let inputBeta = input.gradient == nil ? 0 : input.gradientBeta()
        if scratch.spreadsChunks {
            chunk.backward(dy: dy, x: input.value.data, dx: input.gradient?.data, inputBeta: inputBeta,
                           computesKernelGradient: kernel.gradient != nil)
        } else {
            for first in scratch.chunks {
                let images = scratch.items(from: first), rows = images * pixels
                windows.outputs = dy + first * g.outputPositions * filters
                windows.isSum = false
                windows.run(count: images, minimumChunk: windows.minimumImages)
                let dx = input.gradient.map {
                    GemmCall(transposeA: false, transposeB: true, m: rows, n: g.channels, k: slots,
                             a: products.data, b: inputMajorKernel.data, beta: inputBeta,
                             c: $0.data + first * g.inputSize)
                }
                let dw = kernel.gradient == nil ? nil : GemmCall(
                    transposeA: true, transposeB: false, m: g.channels, n: slots, k: rows,
                    a: input.value.data + first * g.inputSize, b: products.data, beta: first == 0 ? 0 : 1,
                    c: inputMajorKernelGradient.data)
                BLAS.gemmIfPresent(dx, dw)
            }
        }
        guard let dw = kernel.gradient?.data else { return }
        let accumulate = kernel.gradientBeta() != 0
        let positions = g.kernelHeight * g.kernelWidth, channels = g.channels
        let source = inputMajorKernelGradient.data
        for k in 0..<positions {
            for c in 0..<channels {
                let from = source + (c * positions + k) * filters, to = dw + (k * channels + c) * filters
                if accumulate {
                    for f in 0..<filters { to[f] += from[f] }
                } else {
                    to.update(from: from, count: filters)
                }
            }
        }
    }
}

/// The window sums (forward) or spreads (backward, setting every slot) of a
/// chunk's images, shared out over the run's threads in whole images; each
/// image's products and outputs are its own, so the split changes no bit.
private final class WindowPass: ChunkedPass {
    var chunks = PassChunks()
    let geometry: ConvolutionGeometry
    let filters: Int
    let products: UnsafeMutablePointer<Float>
    /// The chunk's first output (summed into) or output gradient (spread from).
    var outputs: UnsafeMutablePointer<Float>?
    var isSum = true
    let minimumImages: Int

    init(geometry: ConvolutionGeometry, filters: Int, products: UnsafeMutablePointer<Float>) {
        self.geometry = geometry
        self.filters = filters
        self.products = products
        minimumImages = ElementwiseChunking.minimumItems(
            valuesPerItem: geometry.inputHeight * geometry.inputWidth * geometry.kernelHeight * geometry.kernelWidth * filters,
            minimumValues: ElementwiseChunking.minimumCachedValues)
    }

    func perform(range: Range<Int>) {
        guard let outputs else { return }
        let g = geometry, first = range.lowerBound
        let imageProducts = g.inputHeight * g.inputWidth * g.kernelHeight * g.kernelWidth * filters
        let z = products + first * imageProducts, y = outputs + first * g.outputPositions * filters
        if isSum {
            aae_window_sum(z, y, range.count, g.inputHeight, g.inputWidth, filters, g.kernelHeight, g.kernelWidth,
                           g.strideHeight, g.strideWidth, g.padTop, g.padLeft, g.outputHeight, g.outputWidth)
        } else {
            aae_window_spread(y, z, range.count, g.inputHeight, g.inputWidth, filters, g.kernelHeight, g.kernelWidth,
                              g.strideHeight, g.strideWidth, g.padTop, g.padLeft, g.outputHeight, g.outputWidth)
        }
    }
}
