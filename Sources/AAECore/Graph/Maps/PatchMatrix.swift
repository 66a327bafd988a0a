import CKernels

/// The patch-matrix buffer of a convolution, allocated once when the graph is
/// built and reused by every step: a few images at a time (at most
/// `capacityValues` values, at least one image), so that a product's operand
/// stays in cache and the buffer's size does not grow with the batch. Each
/// thread of the run has its own (`ChunkScratch`), for work done a whole chunk
/// per thread; `buffer`, the owner's, serves passes spread within one chunk.
final class PatchMatrix {
    let geometry: ConvolutionGeometry
    /// The chunks of the batch and each thread's buffer.
    let scratch: ChunkScratch
    private let pass: PatchPass

    /// The values a patch buffer holds at most (1 MiB), unless one image needs more.
    static let capacityValues = 1 << 18

    /// The buffer for `batch` images laid out by `geometry`, of at most
    /// `capacity` values (`capacityValues` when nil) unless one image needs more;
    /// with it, each thread has buffers of one chunk's rows (its output positions)
    /// of each of `extraColumns` columns.
    init(geometry: ConvolutionGeometry, batch: Int, capacity: Int? = nil, extraColumns: [Int] = []) {
        self.geometry = geometry
        let imagesPerChunk = Self.imagesPerChunk(geometry: geometry, batch: batch, capacity: capacity)
        let rows = imagesPerChunk * geometry.outputPositions
        scratch = ChunkScratch(batch: batch, itemsPerChunk: imagesPerChunk,
                               shapes: [[rows, geometry.patchSize]] + extraColumns.map { [rows, $0] })
        pass = PatchPass(geometry: geometry, buffer: scratch.buffers[0].data)
    }

    /// The images a chunk of `batch` holds for `geometry` within `capacity` values.
    static func imagesPerChunk(geometry: ConvolutionGeometry, batch: Int, capacity: Int?) -> Int {
        let perImage = max(geometry.outputPositions * geometry.patchSize, 1)
        return max(1, min(batch, (capacity ?? capacityValues) / perImage))
    }

    /// The images one chunk holds.
    var imagesPerChunk: Int { scratch.itemsPerChunk }

    /// The owner's patch buffer.
    var buffer: Tensor { scratch.buffers[0] }

    /// The first image of each chunk of the batch.
    var chunks: StrideTo<Int> { scratch.chunks }

    /// The images of the chunk that starts at `first`.
    func images(from first: Int) -> Int { scratch.items(from: first) }

    /// Carries out `mode` between `count` images at `x` and their patch rows at `patches`,
    /// on the calling thread alone (for a chunk's work done whole on one thread).
    func here(_ mode: PatchPass.Mode, images x: UnsafeMutablePointer<Float>, patches: UnsafeMutablePointer<Float>,
              count: Int) {
        PatchPass.apply(mode, geometry: geometry, images: x, patches: patches, count: count)
    }

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
final class PatchPass: ChunkedPass {
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
        var mode = self.mode
        if case .gatherRectified(let output, let slope) = mode {
            mode = .gatherRectified(output: output + first * g.inputSize, slope: slope)
        }
        Self.apply(mode, geometry: g, images: images + first * g.inputSize,
                   patches: buffer + first * g.outputPositions * g.patchSize, count: range.count)
    }

    /// Carries out `mode` between `count` images at `x` and their patch rows at `patches`, on the calling thread.
    static func apply(_ mode: Mode, geometry g: ConvolutionGeometry, images x: UnsafeMutablePointer<Float>,
                      patches: UnsafeMutablePointer<Float>, count: Int) {
        switch mode {
        case .gather:
            aae_im2col(x, patches, count, g.inputHeight, g.inputWidth, g.channels, g.kernelHeight,
                       g.kernelWidth, g.strideHeight, g.strideWidth, g.padTop, g.padLeft, g.outputHeight,
                       g.outputWidth)
        case .gatherRectified(let output, let slope):
            aae_im2col_rectified(x, output, slope, patches, count, g.inputHeight, g.inputWidth, g.channels,
                                 g.kernelHeight, g.kernelWidth, g.strideHeight, g.strideWidth, g.padTop, g.padLeft,
                                 g.outputHeight, g.outputWidth)
        case .scatterAdd:
            aae_col2im(patches, x, count, g.inputHeight, g.inputWidth, g.channels, g.kernelHeight,
                       g.kernelWidth, g.strideHeight, g.strideWidth, g.padTop, g.padLeft, g.outputHeight,
                       g.outputWidth)
        case .assign(let bias, let rectifier):
            aae_col2im_assign(patches, bias, rectifier?.code ?? 0, rectifier?.slope ?? 0, x, count,
                              g.inputHeight, g.inputWidth, g.channels, g.kernelHeight, g.kernelWidth,
                              g.strideHeight, g.strideWidth, g.padTop, g.padLeft, g.outputHeight, g.outputWidth)
        }
    }
}
