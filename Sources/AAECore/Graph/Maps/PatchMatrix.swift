import CKernels

/// The patch-matrix buffer of a convolution, allocated once when the graph is
/// built and reused by every step: a few images at a time (at most
/// `capacityValues` values, at least one image), so that a product's operand
/// stays in cache and the buffer's size does not grow with the batch.
final class PatchMatrix {
    let geometry: ConvolutionGeometry
    let batch: Int
    /// The images one chunk holds.
    let imagesPerChunk: Int
    let buffer: Tensor
    private let pass: PatchPass

    /// The values a patch buffer holds at most (1 MiB), unless one image needs more.
    static let capacityValues = 1 << 18

    /// The buffer for `batch` images laid out by `geometry`, of at most
    /// `capacity` values (`capacityValues` when nil) unless one image needs more.
    init(geometry: ConvolutionGeometry, batch: Int, capacity: Int? = nil) {
        self.geometry = geometry
        self.batch = batch
        let perImage = max(geometry.outputPositions * geometry.patchSize, 1)
        imagesPerChunk = max(1, min(batch, (capacity ?? Self.capacityValues) / perImage))
        buffer = Tensor(shape: [imagesPerChunk * geometry.outputPositions, geometry.patchSize])
        pass = PatchPass(geometry: geometry, buffer: buffer.data)
    }

    /// The chunks of the batch as (first image, images).
    var chunks: StrideTo<Int> { stride(from: 0, to: batch, by: imagesPerChunk) }

    func images(from first: Int) -> Int { min(imagesPerChunk, batch - first) }

    /// Fills the buffer with the patches of `images` images starting at `x`.
    func gather(_ x: UnsafePointer<Float>, images: Int) {
        run(.gather, on: UnsafeMutablePointer(mutating: x), images: images)
    }

    /// Fills the buffer with the patches of the gradient before `rectifier`: of
    /// `dy · rectifier′`, read from the rectifier's output `y` (both at the chunk's first image).
    func gather(_ dy: UnsafePointer<Float>, rectifiedBy rectifier: Rectifier, output y: UnsafePointer<Float>,
                images: Int) {
        run(.gatherRectified(output: y, slope: rectifier.slope), on: UnsafeMutablePointer(mutating: dy),
            images: images)
    }

    /// Adds the buffer's patches of `images` images to the images at `x`.
    func scatterAdd(into x: UnsafeMutablePointer<Float>, images: Int) {
        run(.scatterAdd, on: x, images: images)
    }

    /// Sets the images at `x` to `bias` plus the buffer's patches, then `rectifier`:
    /// the bits of a bias fill, `scatterAdd` and the rectifier's own pass, in one pass.
    func assign(into x: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, rectifier: Rectifier?, images: Int) {
        run(.assign(bias: bias, rectifier: rectifier), on: x, images: images)
    }

    private func run(_ mode: PatchPass.Mode, on images: UnsafeMutablePointer<Float>, images count: Int) {
        pass.images = images
        pass.mode = mode
        pass.run(count: count, minimumChunk: pass.minimumImages)
    }
}

/// A pass between a chunk's images and its patch buffer, shared out over the
/// run's threads in whole images: each image's patch rows are its own, so the split changes no bit.
private final class PatchPass: ChunkedPass {
    enum Mode {
        /// im2col: the images' patches into the buffer.
        case gather
        /// im2col of the gradient before a rectifier whose output is `output`.
        case gatherRectified(output: UnsafePointer<Float>, slope: Float)
        /// col2im: the buffer added to the images.
        case scatterAdd
        /// col2im into images first set to `bias`, then the rectifier.
        case assign(bias: UnsafePointer<Float>, rectifier: Rectifier?)
    }

    var chunks = PassChunks()
    let geometry: ConvolutionGeometry
    let buffer: UnsafeMutablePointer<Float>
    /// The first image of the chunk: read by a gather, written by a scatter or an assignment.
    var images: UnsafeMutablePointer<Float>?
    var mode = Mode.gather
    let minimumImages: Int

    init(geometry: ConvolutionGeometry, buffer: UnsafeMutablePointer<Float>) {
        self.geometry = geometry
        self.buffer = buffer
        minimumImages = ElementwiseChunking.minimumItems(valuesPerItem: geometry.outputPositions * geometry.patchSize,
                                                         minimumValues: ElementwiseChunking.minimumCachedValues)
    }

    func perform(range: Range<Int>) {
        guard let images else { return }
        let g = geometry, first = range.lowerBound
        let x = images + first * g.inputSize, patches = buffer + first * g.outputPositions * g.patchSize
        switch mode {
        case .gather:
            aae_im2col(x, patches, range.count, g.inputHeight, g.inputWidth, g.channels, g.kernelHeight,
                       g.kernelWidth, g.strideHeight, g.strideWidth, g.padTop, g.padLeft, g.outputHeight,
                       g.outputWidth)
        case .gatherRectified(let output, let slope):
            aae_im2col_rectified(x, output + first * g.inputSize, slope, patches, range.count, g.inputHeight,
                                 g.inputWidth, g.channels, g.kernelHeight, g.kernelWidth, g.strideHeight,
                                 g.strideWidth, g.padTop, g.padLeft, g.outputHeight, g.outputWidth)
        case .scatterAdd:
            aae_col2im(patches, x, range.count, g.inputHeight, g.inputWidth, g.channels, g.kernelHeight,
                       g.kernelWidth, g.strideHeight, g.strideWidth, g.padTop, g.padLeft, g.outputHeight,
                       g.outputWidth)
        case .assign(let bias, let rectifier):
            aae_col2im_assign(patches, bias, rectifier?.code ?? 0, rectifier?.slope ?? 0, x, range.count,
                              g.inputHeight, g.inputWidth, g.channels, g.kernelHeight, g.kernelWidth,
                              g.strideHeight, g.strideWidth, g.padTop, g.padLeft, g.outputHeight, g.outputWidth)
        }
    }
}
