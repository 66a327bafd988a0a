/// The largest value of each channel under each window of an NHWC map, as Keras'
/// `MaxPooling2D` (padding, when `same`, never wins). The forward pass records
/// where each maximum came from, so the backward pass routes each output
/// gradient to that one input value.
final class MaxPooling2D: Operation {
    let geometry: ConvolutionGeometry
    let batch: Int
    /// For each output value, the index of the input value it copies.
    let sources: UnsafeMutablePointer<Int32>
    let count: Int

    init(geometry: ConvolutionGeometry, batch: Int) {
        precondition(batch * geometry.inputSize <= Int(Int32.max), "max_pool2d input too large to index")
        self.geometry = geometry
        self.batch = batch
        count = batch * geometry.outputPositions * geometry.channels
        sources = .allocate(capacity: max(count, 1))
        sources.initialize(repeating: 0, count: max(count, 1))
    }

    deinit { sources.deallocate() }

    func forward(inputs: [GraphNode], output: GraphNode) {
        let x = inputs[0].value.data, y = output.value.data
        let g = geometry, channels = g.channels
        for n in 0..<batch {
            for oy in 0..<g.outputHeight {
                for ox in 0..<g.outputWidth {
                    let out = ((n * g.outputHeight + oy) * g.outputWidth + ox) * channels
                    for c in 0..<channels { y[out + c] = -.infinity }
                    for ky in 0..<g.kernelHeight {
                        let iy = oy * g.strideHeight - g.padTop + ky
                        guard iy >= 0 && iy < g.inputHeight else { continue }
                        for kx in 0..<g.kernelWidth {
                            let ix = ox * g.strideWidth - g.padLeft + kx
                            guard ix >= 0 && ix < g.inputWidth else { continue }
                            let input = ((n * g.inputHeight + iy) * g.inputWidth + ix) * channels
                            for c in 0..<channels where x[input + c] > y[out + c] {
                                y[out + c] = x[input + c]
                                sources[out + c] = Int32(input + c)
                            }
                        }
                    }
                }
            }
        }
    }

    func backward(inputs: [GraphNode], output: GraphNode) {
        let input = inputs[0]
        guard let dy = output.gradient?.data, let dx = input.gradient else { return }
        if !input.gradientWritten {
            dx.fill(0)
            input.gradientWritten = true
        }
        for i in 0..<count { dx.data[Int(sources[i])] += dy[i] }
    }
}

extension Variable {
    /// Max pooling of this batch of NHWC maps with the windows of `geometry`.
    public func maxPool2d(geometry: ConvolutionGeometry) -> Variable {
        precondition(shape.count == 2 && features == geometry.inputSize, "max_pool2d of \(shape)")
        return graph.apply(MaxPooling2D(geometry: geometry, batch: rows), to: [self],
                           outputShape: [rows, geometry.outputPositions * geometry.channels])
    }
}
