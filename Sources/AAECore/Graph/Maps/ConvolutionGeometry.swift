/// Where a sliding window — a convolution's kernel, a pool — lies on an NHWC map
/// along each axis: the input and output sizes, the window, its stride and the
/// padding before the first pixel, with Keras' arithmetic for `valid` and `same`.
public struct ConvolutionGeometry: Sendable, Equatable {
    public let inputHeight: Int, inputWidth: Int
    /// The channels of the input each window reads.
    public let channels: Int
    public let kernelHeight: Int, kernelWidth: Int
    public let strideHeight: Int, strideWidth: Int
    /// The padding rows above and columns left of the input.
    public let padTop: Int, padLeft: Int
    public let outputHeight: Int, outputWidth: Int

    /// The windows of `kernel` moved by `stride` over a `height × width` input of
    /// `channels`; nil when no window fits (`valid` with a kernel larger than the input).
    public init?(height: Int, width: Int, channels: Int, kernel: (height: Int, width: Int),
                 stride: (height: Int, width: Int), padding: Padding) {
        guard let rows = Self.axis(input: height, kernel: kernel.height, stride: stride.height, padding: padding),
              let columns = Self.axis(input: width, kernel: kernel.width, stride: stride.width, padding: padding)
        else { return nil }
        self.init(inputHeight: height, inputWidth: width, channels: channels, kernelHeight: kernel.height,
                  kernelWidth: kernel.width, strideHeight: stride.height, strideWidth: stride.width,
                  padTop: rows.padding, padLeft: columns.padding, outputHeight: rows.output, outputWidth: columns.output)
    }

    /// The convolution whose adjoint a transposed convolution is: it slides over the
    /// transposed convolution's output, of Keras' size — `input · stride` with
    /// `same`, `input · stride + max(kernel − stride, 0)` with `valid` — and gives
    /// back its `height × width` input, with `channels` the output's channels.
    public static func transposed(height: Int, width: Int, channels: Int, kernel: (height: Int, width: Int),
                                  stride: (height: Int, width: Int), padding: Padding) -> ConvolutionGeometry {
        func size(_ input: Int, _ kernel: Int, _ stride: Int) -> Int {
            padding == .same ? input * stride : input * stride + max(kernel - stride, 0)
        }
        let big = (size(height, kernel.height, stride.height), size(width, kernel.width, stride.width))
        func pad(_ input: Int, _ output: Int, _ kernel: Int, _ stride: Int) -> Int {
            padding == .same ? max((input - 1) * stride + kernel - output, 0) / 2 : 0
        }
        return ConvolutionGeometry(
            inputHeight: big.0, inputWidth: big.1, channels: channels, kernelHeight: kernel.height,
            kernelWidth: kernel.width, strideHeight: stride.height, strideWidth: stride.width,
            padTop: pad(height, big.0, kernel.height, stride.height), padLeft: pad(width, big.1, kernel.width, stride.width),
            outputHeight: height, outputWidth: width)
    }

    public init(inputHeight: Int, inputWidth: Int, channels: Int, kernelHeight: Int, kernelWidth: Int,
                strideHeight: Int, strideWidth: Int, padTop: Int, padLeft: Int, outputHeight: Int, outputWidth: Int) {
        self.inputHeight = inputHeight
        self.inputWidth = inputWidth
        self.channels = channels
        self.kernelHeight = kernelHeight
        self.kernelWidth = kernelWidth
        self.strideHeight = strideHeight
        self.strideWidth = strideWidth
        self.padTop = padTop
        self.padLeft = padLeft
        self.outputHeight = outputHeight
        self.outputWidth = outputWidth
    }

    /// Keras' output length and leading padding along one axis.
    static func axis(input: Int, kernel: Int, stride: Int, padding: Padding) -> (output: Int, padding: Int)? {
        switch padding {
        case .valid:
            guard input >= kernel else { return nil }
            return ((input - kernel) / stride + 1, 0)
        case .same:
            let output = (input + stride - 1) / stride
            return (output, max((output - 1) * stride + kernel - input, 0) / 2)
        }
    }

    /// The values of one patch: `kernelHeight · kernelWidth · channels`.
    public var patchSize: Int { kernelHeight * kernelWidth * channels }
    /// The values of one input image.
    public var inputSize: Int { inputHeight * inputWidth * channels }
    /// The output positions of one image.
    public var outputPositions: Int { outputHeight * outputWidth }
}
