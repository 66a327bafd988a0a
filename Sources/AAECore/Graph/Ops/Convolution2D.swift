/// A 2-D convolution of NHWC maps, `y = patches(x) · W + b`, as Keras' `Conv2D`:
/// the kernel `W` is `[kh, kw, cin, cout]`, which read row-major is the
/// `[kh · kw · cin, cout]` matrix that multiplies a patch row.
///
/// The batch goes through the products a few images at a time (`PatchMatrix`):
/// gather the patches, one product per chunk. The backward pass gathers each
/// chunk's patches again for `dW += patchesᵀ · dy`, then reuses the buffer for
/// `dpatches = dy · Wᵀ` and scatters it into `dx`, so no patch matrix of the
/// whole batch is ever held.
final class Convolution2D: Operation {
    let patches: PatchMatrix
    let filters: Int
    private let biasRows = BiasRows()
    private let biasGradient = BiasGradient()

    init(geometry: ConvolutionGeometry, batch: Int, filters: Int, patchCapacity: Int?) {
        patches = PatchMatrix(geometry: geometry, batch: batch, capacity: patchCapacity)
        self.filters = filters
    }

    func forward(inputs: [GraphNode], output: GraphNode) {
        let x = inputs[0].value.data, kernel = inputs[1].value.data, bias = inputs[2].value.data
        let y = output.value.data
        let g = patches.geometry, positions = g.outputPositions, patchSize = g.patchSize
        biasRows.fill(y, rows: output.value.count / filters, with: bias, columns: filters)
        for first in patches.chunks {
            let images = patches.images(from: first)
            patches.gather(x + first * g.inputSize, images: images)
            BLAS.gemm(transposeA: false, transposeB: false, m: images * positions, n: filters, k: patchSize,
                      a: patches.buffer.data, b: kernel, beta: 1, c: y + first * positions * filters)
        }
    }

    func backward(inputs: [GraphNode], output: GraphNode) {
        guard let dy = output.gradient?.data else { return }
        let input = inputs[0], kernel = inputs[1], bias = inputs[2]
        let g = patches.geometry, positions = g.outputPositions, patchSize = g.patchSize
        if let db = bias.gradient?.data {
            biasGradient.add(columnSumsOf: dy, rows: output.value.count / filters, columns: filters, into: bias, db)
        }
        let kernelBeta = kernel.gradient == nil ? 0 : kernel.gradientBeta()
        if let dx = input.gradient, !input.gradientWritten {
            dx.fill(0)
            input.gradientWritten = true
        }
        for first in patches.chunks {
            let images = patches.images(from: first)
            let dyChunk = dy + first * positions * filters
            if let dw = kernel.gradient?.data {
                patches.gather(input.value.data + first * g.inputSize, images: images)
                BLAS.gemm(transposeA: true, transposeB: false, m: patchSize, n: filters, k: images * positions,
                          a: patches.buffer.data, b: dyChunk, beta: first == 0 ? kernelBeta : 1, c: dw)
            }
            if let dx = input.gradient?.data {
                BLAS.gemm(transposeA: false, transposeB: true, m: images * positions, n: patchSize, k: filters,
                          a: dyChunk, b: kernel.value.data, c: patches.buffer.data)
                patches.scatterAdd(into: dx + first * g.inputSize, images: images)
            }
        }
    }
}

extension Variable {
    /// The convolution of this batch of NHWC maps (`[batch, h · w · cin]`) laid
    /// out by `geometry`, with `kernel` `[kh, kw, cin, cout]` and `bias` `[cout]`.
    /// `patchCapacity` bounds the patch buffer's values (a few images' worth by default).
    /// A convolution to fewer channels than it reads, whose products take less
    /// memory than its patches, is computed products first (`ProductFirstConvolution2D`).
    public func conv2d(kernel: Variable, bias: Variable, geometry: ConvolutionGeometry,
                       patchCapacity: Int? = nil) -> Variable {
        let filters = bias.node.value.count
        precondition(shape.count == 2 && features == geometry.inputSize,
                     "conv2d of \(shape) for \(geometry.inputHeight)×\(geometry.inputWidth)×\(geometry.channels) maps")
        precondition(kernel.node.value.count == geometry.patchSize * filters, "conv2d kernel of \(kernel.shape)")
        let operation: Operation = ProductFirstConvolution2D.isCheaper(geometry, filters: filters)
            ? ProductFirstConvolution2D(geometry: geometry, batch: rows, filters: filters, patchCapacity: patchCapacity)
            : Convolution2D(geometry: geometry, batch: rows, filters: filters, patchCapacity: patchCapacity)
        return graph.apply(operation, to: [self, kernel, bias], outputShape: [rows, geometry.outputPositions * filters])
    }
}
