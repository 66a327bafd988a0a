/// A transposed 2-D convolution of NHWC maps, as Keras' `Conv2DTranspose`: the
/// adjoint of the convolution `geometry` describes (which slides over this
/// operation's output and gives back its input), plus a bias. The kernel is
/// `[kh, kw, cout, cin]`, read as the `[kh · kw · cout, cin]` matrix.
///
/// Forward, per chunk of images: `patches = x · Wᵀ`, gathered into the output
/// with the bias (and a rectifier, when one is fused). Backward, per chunk: the
/// output gradient's patches (times the rectifier's derivative), the bias's column
/// sums while that chunk of the gradient is in cache, then `dx = dpatches · W` and
/// `dW += dpatchesᵀ · x`.
///
/// A batch of several chunks goes through the pool a whole chunk per thread
/// (`Convolution2DTransposeChunk`), each thread with its own patch buffer; one
/// chunk goes through the passes in turn, each spread over the pool.
final class Convolution2DTranspose: Operation {
    let patches: PatchMatrix
    /// The input's channels.
    let inputChannels: Int
    /// The relu or leaky_relu applied to the output, if any.
    let rectifier: Rectifier?
    private let biasGradient = BiasGradient()
    private let chunk: Convolution2DTransposeChunk

    init(geometry: ConvolutionGeometry, batch: Int, inputChannels: Int, rectifier: Rectifier?, patchCapacity: Int?) {
        patches = PatchMatrix(geometry: geometry, batch: batch, capacity: patchCapacity)
        self.inputChannels = inputChannels
        self.rectifier = rectifier
        chunk = Convolution2DTransposeChunk(patches: patches, inputChannels: inputChannels, rectifier: rectifier)
    }

    func forward(inputs: [GraphNode], output: GraphNode) {
        let x = inputs[0].value.data, kernel = inputs[1].value.data, bias = inputs[2].value.data
        let y = output.value.data
        let g = patches.geometry, positions = g.outputPositions, patchSize = g.patchSize
        if patches.scratch.spreadsChunks {
            chunk.forward(x: x, kernel: kernel, bias: bias, y: y)
            return
        }
        for first in patches.chunks {
            let images = patches.images(from: first)
            BLAS.gemm(transposeA: false, transposeB: true, m: images * positions, n: patchSize, k: inputChannels,
                      a: x + first * positions * inputChannels, b: kernel, c: patches.buffer.data)
            patches.assign(into: y + first * g.inputSize, bias: bias, rectifier: rectifier, images: images)
        }
    }

    func backward(inputs: [GraphNode], output: GraphNode) {
        guard let dy = output.gradient?.data else { return }
        let input = inputs[0], kernel = inputs[1], bias = inputs[2]
        let g = patches.geometry, positions = g.outputPositions, patchSize = g.patchSize
        let y = UnsafePointer(output.value.data)
        let db = bias.gradient?.data, needsPatches = input.gradient != nil || kernel.gradient != nil
        guard db != nil || needsPatches else { return }
        let inputBeta = input.gradient == nil ? 0 : input.gradientBeta()
        let kernelBeta = kernel.gradient == nil ? 0 : kernel.gradientBeta()
        if needsPatches, patches.scratch.spreadsChunks {
            chunk.backward(dy: dy, y: y, x: input.value.data, kernel: kernel.value.data,
                           db: db.map { biasGradient.zeroedIfFirst(bias, $0) }, dw: kernel.gradient?.data,
                           kernelBeta: kernelBeta, dx: input.gradient?.data, inputBeta: inputBeta)
            return
        }
        let pixels = g.inputHeight * g.inputWidth
        for first in patches.chunks {
            let images = patches.images(from: first)
            let dyChunk = dy + first * g.inputSize, yChunk = y + first * g.inputSize
            if needsPatches, let rectifier {
                patches.gather(dyChunk, rectifiedBy: rectifier, output: yChunk, images: images)
            } else if needsPatches {
                patches.gather(dyChunk, images: images)
            }
            if let db {
                if let rectifier {
                    biasGradient.add(columnSumsOf: dyChunk, rectifiedBy: rectifier, output: yChunk,
                                     rows: images * pixels, columns: g.channels, into: bias, db, inCache: true)
                } else {
                    biasGradient.add(columnSumsOf: dyChunk, rows: images * pixels, columns: g.channels, into: bias, db,
                                     inCache: true)
                }
            }
            guard needsPatches else { continue }
            let rows = images * positions, offset = first * positions * inputChannels
            let dx = input.gradient.map {
                GemmCall(transposeA: false, transposeB: false, m: rows, n: inputChannels, k: patchSize,
                         a: patches.buffer.data, b: kernel.value.data, beta: inputBeta, c: $0.data + offset)
            }
            let dw = kernel.gradient.map {
                GemmCall(transposeA: true, transposeB: false, m: patchSize, n: inputChannels, k: rows,
                         a: patches.buffer.data, b: input.value.data + offset, beta: first == 0 ? kernelBeta : 1,
                         c: $0.data)
            }
            BLAS.gemmIfPresent(dx, dw)
        }
    }
}

extension Variable {
    /// The transposed convolution of this batch of NHWC maps (`[batch, h · w · cin]`):
    /// the adjoint of the convolution `geometry` (whose output is this input), with
    /// `kernel` `[kh, kw, cout, cin]` and `bias` `[cout]`, then `rectifier` when given (one
    /// operation with the bits of the two in turn); `patchCapacity` as for `conv2d`.
    public func conv2dTranspose(kernel: Variable, bias: Variable, geometry: ConvolutionGeometry,
                                rectifier: Rectifier? = nil, patchCapacity: Int? = nil) -> Variable {
        let inputChannels = features / max(geometry.outputPositions, 1)
        precondition(shape.count == 2 && features == geometry.outputPositions * inputChannels && inputChannels > 0,
                     "conv2d_transpose of \(shape) for \(geometry.outputHeight)×\(geometry.outputWidth) maps")
        precondition(bias.node.value.count == geometry.channels, "conv2d_transpose bias of \(bias.shape)")
        precondition(kernel.node.value.count == geometry.patchSize * inputChannels,
                     "conv2d_transpose kernel of \(kernel.shape)")
        let operation = Convolution2DTranspose(geometry: geometry, batch: rows, inputChannels: inputChannels,
                                               rectifier: rectifier, patchCapacity: patchCapacity)
        return graph.apply(operation, to: [self, kernel, bias], outputShape: [rows, geometry.inputSize])
    }
}
