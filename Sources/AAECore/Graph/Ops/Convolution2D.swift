/// A 2-D convolution of NHWC maps, `y = patches(x) · W + b`, as Keras' `Conv2D`:
/// the kernel `W` is `[kh, kw, cin, cout]`, which read row-major is the
/// `[kh · kw · cin, cout]` matrix that multiplies a patch row.
///
/// The batch goes through the products a few images at a time (`PatchMatrix`):
/// gather the patches, one product per chunk. The backward pass gathers each
/// chunk's patches again for `dW += patchesᵀ · dy`, then reuses the buffer for
/// `dpatches = dy · Wᵀ` and scatters it into `dx` (or, for `dx`'s first
/// contribution, gathers each of its values from the patches in the scatter's
/// order, which sets it without a zero fill first), so no patch matrix of the
/// whole batch is ever held.
///
/// With a rectifier fused, each chunk's outputs are rectified right after its
/// product, and the backward pass works on each chunk's gradient before the
/// rectifier (`dy · rectifier′`, read from the output) in a buffer of one chunk.
///
/// A batch of several chunks goes through the pool a whole chunk per thread
/// (`Convolution2DChunk`), each thread with its own buffers; one chunk goes
/// through the passes in turn, each spread over the pool.
final class Convolution2D: Operation {
    let patches: PatchMatrix
    let filters: Int
    /// The relu or leaky_relu applied to the output, if any, with its pass.
    private let rectifier: RectifierPass?
    private let biasRows = BiasRows()
    private let biasGradient = BiasGradient()
    /// A zero per input channel: the bias of an input gradient assigned from the patches.
    private let zeroPerChannel: Tensor
    private let chunk: Convolution2DChunk

    init(geometry: ConvolutionGeometry, batch: Int, filters: Int, rectifier: Rectifier?, patchCapacity: Int?) {
        // Each thread's buffers: the patches; with a rectifier, one chunk's gradient
        // before it; with several chunks, the input gradient's patches.
        let several = PatchMatrix.imagesPerChunk(geometry: geometry, batch: batch, capacity: patchCapacity) < batch
        let extraColumns = (rectifier == nil ? [] : [filters]) + (several ? [geometry.patchSize] : [])
        patches = PatchMatrix(geometry: geometry, batch: batch, capacity: patchCapacity, extraColumns: extraColumns)
        self.filters = filters
        zeroPerChannel = Tensor(shape: [geometry.channels])
        self.rectifier = rectifier.map { RectifierPass($0) }
        chunk = Convolution2DChunk(patches: patches, filters: filters, rectifier: rectifier,
                                   zeroPerChannel: zeroPerChannel)
    }

    func forward(inputs: [GraphNode], output: GraphNode) {
        let x = inputs[0].value.data, kernel = inputs[1].value.data, bias = inputs[2].value.data
        let y = output.value.data
        let g = patches.geometry, positions = g.outputPositions, patchSize = g.patchSize
        if patches.scratch.spreadsChunks {
            chunk.forward(x: x, kernel: kernel, bias: bias, y: y)
            return
        }
        biasRows.fill(y, rows: output.value.count / filters, with: bias, columns: filters)
        for first in patches.chunks {
            let images = patches.images(from: first)
            patches.gather(x + first * g.inputSize, images: images)
            let yChunk = y + first * positions * filters
            BLAS.gemm(transposeA: false, transposeB: false, m: images * positions, n: filters, k: patchSize,
                      a: patches.buffer.data, b: kernel, beta: 1, c: yChunk)
            rectifier?.rectify(yChunk, count: images * positions * filters)
        }
    }

    func backward(inputs: [GraphNode], output: GraphNode) {
        guard let dy = output.gradient?.data else { return }
        let input = inputs[0], kernel = inputs[1], bias = inputs[2]
        let g = patches.geometry, positions = g.outputPositions, patchSize = g.patchSize
        let y = UnsafePointer(output.value.data)
        let kernelBeta = kernel.gradient == nil ? 0 : kernel.gradientBeta()
        let assignsInputGradient = input.gradient != nil && !input.gradientWritten
        if assignsInputGradient { input.gradientWritten = true }
        if patches.scratch.spreadsChunks {
            chunk.backward(dy: dy, y: y, x: input.value.data, kernel: kernel.value.data,
                           db: bias.gradient.map { biasGradient.zeroedIfFirst(bias, $0.data) },
                           dw: kernel.gradient?.data, kernelBeta: kernelBeta, dx: input.gradient?.data,
                           assignsInputGradient: assignsInputGradient)
            return
        }
        let buffers = patches.scratch.buffers
        for first in patches.chunks {
            let images = patches.images(from: first)
            let offset = first * positions * filters, count = images * positions * filters
            let dyChunk: UnsafePointer<Float>
            if let rectifier {
                let gradient = buffers[Convolution2DChunk.rectifierGradientBuffer].data
                rectifier.gradient(dy + offset, output: y + offset, into: gradient, count: count)
                dyChunk = UnsafePointer(gradient)
            } else {
                dyChunk = UnsafePointer(dy + offset)
            }
            if let db = bias.gradient?.data {
                biasGradient.add(columnSumsOf: dyChunk, rows: images * positions, columns: filters, into: bias, db,
                                 inCache: true)
            }
            if let dw = kernel.gradient?.data {
                patches.gather(input.value.data + first * g.inputSize, images: images)
                BLAS.gemm(transposeA: true, transposeB: false, m: patchSize, n: filters, k: images * positions,
                          a: patches.buffer.data, b: dyChunk, beta: first == 0 ? kernelBeta : 1, c: dw)
            }
            if let dx = input.gradient?.data {
                BLAS.gemm(transposeA: false, transposeB: true, m: images * positions, n: patchSize, k: filters,
                          a: dyChunk, b: kernel.value.data, c: patches.buffer.data)
                if assignsInputGradient {
                    patches.assign(into: dx + first * g.inputSize, bias: zeroPerChannel.data, rectifier: nil,
                                   images: images)
                } else {
                    patches.scatterAdd(into: dx + first * g.inputSize, images: images)
                }
            }
        }
    }
}

extension Variable {
    /// The convolution of this batch of NHWC maps (`[batch, h · w · cin]`) laid
    /// out by `geometry`, with `kernel` `[kh, kw, cin, cout]` and `bias` `[cout]`.
    /// `patchCapacity` bounds the patch buffer's values (a few images' worth by default).
    /// A convolution to fewer channels than it reads, whose products take less
    /// memory than its patches, is computed products first (`ProductFirstConvolution2D`);
    /// any other takes `rectifier` when given (one operation with the bits of the two in turn).
    public func conv2d(kernel: Variable, bias: Variable, geometry: ConvolutionGeometry, rectifier: Rectifier? = nil,
                       patchCapacity: Int? = nil) -> Variable {
        let filters = bias.node.value.count
        precondition(shape.count == 2 && features == geometry.inputSize,
                     "conv2d of \(shape) for \(geometry.inputHeight)×\(geometry.inputWidth)×\(geometry.channels) maps")
        precondition(kernel.node.value.count == geometry.patchSize * filters, "conv2d kernel of \(kernel.shape)")
        let productsFirst = ProductFirstConvolution2D.isCheaper(geometry, filters: filters)
        precondition(rectifier == nil || !productsFirst, "a products-first conv2d takes no rectifier")
        let operation: Operation = productsFirst
            ? ProductFirstConvolution2D(geometry: geometry, batch: rows, filters: filters, patchCapacity: patchCapacity)
            : Convolution2D(geometry: geometry, batch: rows, filters: filters, rectifier: rectifier,
                            patchCapacity: patchCapacity)
        return graph.apply(operation, to: [self, kernel, bias], outputShape: [rows, geometry.outputPositions * filters])
    }
}
