/// A training run frozen between two steps: the model's state, the batch
/// sampler, the metrics averaged since the last log row, the rows logged so
/// far and the step reached. A run resumed from it writes the same bytes as a
/// run never stopped.
///
/// The file format is the project's own, so a checkpoint needs no library and
/// a damaged one is recognised:
///
///     "AAECKPT\n"        8 bytes, the signature
///     version            UInt32, little-endian (`formatVersion`)
///     payload length     UInt64
///     payload            the fields below, in order
///     checksum           UInt64, FNV-1a of the payload
///
/// Integers are 64-bit and floats IEEE bits, little-endian; a list is its count
/// then its elements; a string is its UTF-8 length then its bytes. A file
/// shorter than its header says is rejected as truncated before anything is
/// decoded.
public struct Checkpoint: Equatable, Sendable {
    public static let formatVersion: UInt32 = 1
    static let signature = Array("AAECKPT\n".utf8)
    static let headerSize = 8 + 4 + 8
    static let checksumSize = 8

    /// The last step completed: a resumed run continues with `step + 1`.
    public var step: Int
    /// The text of the experiment that was trained (config.resolved.yaml), so a
    /// resume with another experiment is refused.
    public var configuration: String
    /// The seconds of run time up to this checkpoint, over every session.
    public var elapsedSeconds: Double
    public var model: ModelState
    public var sampler: BatchSampler.State
    /// The step metrics summed since the last log row, and the number of steps summed.
    public var windowSums: [Double]
    public var stepsInWindow: Int
    /// The metrics rows logged up to `step`, formatted.
    public var loggedRows: [[String]]

    public init(step: Int, configuration: String, elapsedSeconds: Double, model: ModelState,
                sampler: BatchSampler.State, windowSums: [Double], stepsInWindow: Int, loggedRows: [[String]]) {
        self.step = step
        self.configuration = configuration
        self.elapsedSeconds = elapsedSeconds
        self.model = model
        self.sampler = sampler
        self.windowSums = windowSums
        self.stepsInWindow = stepsInWindow
        self.loggedRows = loggedRows
    }

    /// The checkpoint in the file format above.
    public func encoded() -> [UInt8] {
        let floatCount = (model.parameters + model.buffers + model.optimizers.flatMap(\.tensors)).reduce(0) { $0 + $1.count }
        var payload = CheckpointWriter(reservingCapacity: floatCount * 4 + sampler.order.count * 8 + 4096)
        payload.append(step)
        payload.append(configuration)
        payload.append(elapsedSeconds)
        payload.append(model.parameters) { $0.append($1) }
        payload.append(model.buffers) { $0.append($1) }
        payload.append(model.optimizers) { writer, optimizer in
            writer.append(optimizer.iterations)
            writer.append(optimizer.tensors) { $0.append($1) }
        }
        payload.append(model.randomGenerators) { $0.append($1) }
        payload.append(sampler.order) { $0.append($1) }
        payload.append(sampler.position)
        payload.append(sampler.random)
        payload.append(windowSums)
        payload.append(stepsInWindow)
        payload.append(loggedRows) { writer, row in writer.append(row) { $0.append($1) } }

        var bytes = Self.signature
        bytes.reserveCapacity(payload.bytes.count + Self.headerSize + Self.checksumSize)
        var header = CheckpointWriter()
        header.append(Self.formatVersion)
        header.append(UInt64(payload.bytes.count))
        bytes += header.bytes
        bytes += payload.bytes
        var checksum = CheckpointWriter()
        checksum.append(FNV1a.hash(payload.bytes))
        bytes += checksum.bytes
        return bytes
    }

    /// Decodes a checkpoint, rejecting foreign, truncated, damaged or newer files.
    public init(decoding bytes: [UInt8]) throws(CheckpointError) {
        guard bytes.count >= Self.signature.count, Array(bytes[0..<Self.signature.count]) == Self.signature else {
            throw CheckpointError.notACheckpoint
        }
        guard bytes.count >= Self.headerSize else {
            throw CheckpointError.truncated(expected: Self.headerSize, found: bytes.count)
        }
        var header = CheckpointReader(bytes, from: Self.signature.count)
        let version = try header.uint32()
        guard version == Self.formatVersion else { throw CheckpointError.unsupportedVersion(version) }
        let payloadLength = try header.uint64()
        guard payloadLength <= UInt64(Int.max - Self.headerSize - Self.checksumSize) else {
            throw CheckpointError.corrupt("the payload length \(payloadLength) is impossible")
        }
        let expected = Self.headerSize + Int(payloadLength) + Self.checksumSize
        guard bytes.count >= expected else { throw CheckpointError.truncated(expected: expected, found: bytes.count) }
        guard bytes.count == expected else {
            throw CheckpointError.corrupt("\(bytes.count - expected) bytes follow the end of the checkpoint")
        }
        let payloadEnd = Self.headerSize + Int(payloadLength)
        var trailer = CheckpointReader(bytes, from: payloadEnd)
        guard try trailer.uint64() == FNV1a.hash(bytes[Self.headerSize..<payloadEnd]) else {
            throw CheckpointError.corrupt("the checksum does not match the contents")
        }
        var reader = CheckpointReader(Array(bytes[Self.headerSize..<payloadEnd]))
        step = try reader.int("the step")
        configuration = try reader.string("the configuration")
        elapsedSeconds = try reader.double("the elapsed time")
        let parameters = try reader.list("the parameters") { reader throws(CheckpointError) in try reader.floats("a parameter") }
        let buffers = try reader.list("the state buffers") { reader throws(CheckpointError) in try reader.floats("a buffer") }
        let optimizers = try reader.list("the optimizers") { reader throws(CheckpointError) in
            OptimizerState(iterations: try reader.int("an optimizer's iterations"),
                           tensors: try reader.list("an optimizer's tensors") { reader throws(CheckpointError) in
                               try reader.floats("an optimizer tensor")
                           })
        }
        let generators = try reader.list("the random streams") { reader throws(CheckpointError) in
            try reader.randomGenerator("a random stream")
        }
        model = ModelState(parameters: parameters, buffers: buffers, optimizers: optimizers, randomGenerators: generators)
        let order = try reader.list("the batch order") { reader throws(CheckpointError) in try reader.int("an example index") }
        sampler = BatchSampler.State(order: order, position: try reader.int("the batch position"),
                                     random: try reader.randomGenerator("the batch stream"))
        windowSums = try reader.doubles("the metric sums")
        stepsInWindow = try reader.int("the steps summed")
        loggedRows = try reader.list("the logged rows") { reader throws(CheckpointError) in
            try reader.list("a logged row") { reader throws(CheckpointError) in try reader.string("a logged field") }
        }
        guard reader.isAtEnd else { throw CheckpointError.corrupt("unexpected bytes after the last field") }
    }
}
