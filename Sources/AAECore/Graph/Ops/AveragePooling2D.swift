/// The mean of each channel under each window of an NHWC map, as Keras'
/// `AveragePooling2D`: with `same` padding a window's mean is over its pixels
/// inside the map only, so the edges are not darkened by the padding.
final class AveragePooling2D: Operation {
    let geometry: ConvolutionGeometry
    let batch: Int
    /// `1 / pixels inside the map` for each output position of one image.
    let inverseCounts: Tensor

    init(geometry: ConvolutionGeometry, batch: Int) {
        self.geometry = geometry
        self.batch = batch
        inverseCounts = Tensor(shape: [geometry.outputPositions])
        let g = geometry
        for oy in 0..<g.outputHeight {
            for ox in 0..<g.outputWidth {
                let rows = (0..<g.kernelHeight).filter { (0..<g.inputHeight).contains(oy * g.strideHeight - g.padTop + $0) }
                let columns = (0..<g.kernelWidth).filter { (0..<g.inputWidth).contains(ox * g.strideWidth - g.padLeft + $0) }
                inverseCounts[oy * g.outputWidth + ox] = 1 / Float(rows.count * columns.count)
            }
        }
    }

    /// Calls `body(input offset, output offset, 1 / count)` for every pixel under every window.
    @inline(__always)
    private func forEachWindowPixel(_ body: (Int, Int, Float) -> Void) {
        let g = geometry, channels = g.channels
        for n in 0..<batch {
            for oy in 0..<g.outputHeight {
                for ox in 0..<g.outputWidth {
                    let position = oy * g.outputWidth + ox
                    let out = (n * g.outputPositions + position) * channels
                    let scale = inverseCounts[position]
                    for ky in 0..<g.kernelHeight {
                        let iy = oy * g.strideHeight - g.padTop + ky
                        guard iy >= 0 && iy < g.inputHeight else { continue }
                        for kx in 0..<g.kernelWidth {
                            let ix = ox * g.strideWidth - g.padLeft + kx
                            guard ix >= 0 && ix < g.inputWidth else { continue }
                            body(((n * g.inputHeight + iy) * g.inputWidth + ix) * channels, out, scale)
                        }
                    }
                }
            }
        }
    }

    func forward(inputs: [GraphNode], output: GraphNode) {
        let x = inputs[0].value.data, y = output.value.data, channels = geometry.channels
        output.value.fill(0)
        forEachWindowPixel { input, out, scale in
            for c in 0..<channels { y[out + c] += x[input + c] * scale }
        }
    }

    func backward(inputs: [GraphNode], output: GraphNode) {
        let input = inputs[0], channels = geometry.channels
        guard let dy = output.gradient?.data, let dx = input.gradient else { return }
        if !input.gradientWritten {
            dx.fill(0)
            input.gradientWritten = true
        }
        let d = dx.data
        forEachWindowPixel { input, out, scale in
            for c in 0..<channels { d[input + c] += dy[out + c] * scale }
        }
    }
}

extension Variable {
    /// Average pooling of this batch of NHWC maps with the windows of `geometry`.
    public func avgPool2d(geometry: ConvolutionGeometry) -> Variable {
        precondition(shape.count == 2 && features == geometry.inputSize, "avg_pool2d of \(shape)")
        return graph.apply(AveragePooling2D(geometry: geometry, batch: rows), to: [self],
                           outputShape: [rows, geometry.outputPositions * geometry.channels])
    }
}
