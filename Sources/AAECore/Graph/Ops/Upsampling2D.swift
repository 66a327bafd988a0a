/// Nearest-neighbour upsampling of NHWC maps, as Keras' `UpSampling2D`: every
/// pixel becomes a `factorHeight × factorWidth` block of copies; the backward
/// pass sums each block's gradients into its pixel.
final class Upsampling2D: Operation {
    let batch: Int, height: Int, width: Int, channels: Int
    let factorHeight: Int, factorWidth: Int

    init(batch: Int, height: Int, width: Int, channels: Int, factorHeight: Int, factorWidth: Int) {
        self.batch = batch
        self.height = height
        self.width = width
        self.channels = channels
        self.factorHeight = factorHeight
        self.factorWidth = factorWidth
    }

    func forward(inputs: [GraphNode], output: GraphNode) {
        let x = inputs[0].value.data, y = output.value.data
        let outputWidth = width * factorWidth
        for n in 0..<batch {
            for oy in 0..<(height * factorHeight) {
                let row = (n * height + oy / factorHeight) * width
                let out = (n * height * factorHeight + oy) * outputWidth
                for ox in 0..<outputWidth {
                    (y + (out + ox) * channels).update(from: x + (row + ox / factorWidth) * channels, count: channels)
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
        let d = dx.data, outputWidth = width * factorWidth
        for n in 0..<batch {
            for oy in 0..<(height * factorHeight) {
                let row = (n * height + oy / factorHeight) * width
                let out = (n * height * factorHeight + oy) * outputWidth
                for ox in 0..<outputWidth {
                    let source = dy + (out + ox) * channels, target = d + (row + ox / factorWidth) * channels
                    for c in 0..<channels { target[c] += source[c] }
                }
            }
        }
    }
}

extension Variable {
    /// This batch of `height × width × channels` NHWC maps upsampled by the factors.
    public func upsample2d(height: Int, width: Int, channels: Int, factors: (height: Int, width: Int)) -> Variable {
        precondition(shape.count == 2 && features == height * width * channels, "upsample2d of \(shape)")
        let operation = Upsampling2D(batch: rows, height: height, width: width, channels: channels,
                                     factorHeight: factors.height, factorWidth: factors.width)
        return graph.apply(operation, to: [self], outputShape: [rows, features * factors.height * factors.width])
    }
}
