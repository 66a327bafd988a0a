/// Appends little-endian values to the bytes of a checkpoint.
struct CheckpointWriter {
    private(set) var bytes: [UInt8] = []

    init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ value: Int) { append(UInt64(bitPattern: Int64(value))) }

    mutating func append(_ value: Double) { append(value.bitPattern) }

    mutating func append(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func append(_ text: String) {
        append(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(_ values: [Float]) {
        append(values.count)
        #if _endian(little)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        for value in values { append(value.bitPattern) }
        #endif
    }

    mutating func append(_ values: [Double]) {
        append(values.count)
        for value in values { append(value) }
    }

    mutating func append(_ random: RandomGenerator) {
        append(random.state)
        append(random.increment)
        append(random.spareNormal != nil)
        append(random.spareNormal ?? 0)
    }

    /// A count followed by each element written by `body`.
    mutating func append<Element>(_ elements: [Element], each body: (inout CheckpointWriter, Element) -> Void) {
        append(elements.count)
        for element in elements { body(&self, element) }
    }
}

/// Reads what `CheckpointWriter` wrote, checking every length against the bytes left.
struct CheckpointReader {
    private let bytes: [UInt8]
    private(set) var position: Int

    init(_ bytes: [UInt8], from position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var isAtEnd: Bool { position == bytes.count }

    private mutating func take(_ count: Int, _ what: String) throws(CheckpointError) -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count - position else {
            throw CheckpointError.corrupt("\(what) runs past the end of the data")
        }
        defer { position += count }
        return bytes[position..<(position + count)]
    }

    mutating func uint64(_ what: String = "a number") throws(CheckpointError) -> UInt64 {
        try take(8, what).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func uint32(_ what: String = "a number") throws(CheckpointError) -> UInt32 {
        try take(4, what).reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func int(_ what: String = "a number") throws(CheckpointError) -> Int {
        Int(Int64(bitPattern: try uint64(what)))
    }

    /// A count of elements each at least `elementSize` bytes long, checked against the bytes left.
    mutating func count(_ what: String, elementSize: Int = 1) throws(CheckpointError) -> Int {
        let value = try int("the length of \(what)")
        guard value >= 0, value <= (bytes.count - position) / max(elementSize, 1) else {
            throw CheckpointError.corrupt("the length of \(what) (\(value)) exceeds the data")
        }
        return value
    }

    mutating func double(_ what: String = "a number") throws(CheckpointError) -> Double {
        Double(bitPattern: try uint64(what))
    }

    mutating func bool(_ what: String = "a flag") throws(CheckpointError) -> Bool {
        switch try take(1, what).first {
        case 0: return false
        case 1: return true
        default: throw CheckpointError.corrupt("\(what) is neither 0 nor 1")
        }
    }

    mutating func string(_ what: String) throws(CheckpointError) -> String {
        let length = try count(what)
        return String(decoding: try take(length, what), as: UTF8.self)
    }

    mutating func floats(_ what: String) throws(CheckpointError) -> [Float] {
        let length = try count(what, elementSize: 4)
        let slice = try take(length * 4, what)
        return [Float](unsafeUninitializedCapacity: length) { buffer, initialized in
            slice.withUnsafeBytes { raw in
                for index in 0..<length {
                    buffer[index] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index * 4,
                                                                                              as: UInt32.self)))
                }
            }
            initialized = length
        }
    }

    mutating func doubles(_ what: String) throws(CheckpointError) -> [Double] {
        let length = try count(what, elementSize: 8)
        var values: [Double] = []
        values.reserveCapacity(length)
        for _ in 0..<length { values.append(try double(what)) }
        return values
    }

    mutating func randomGenerator(_ what: String) throws(CheckpointError) -> RandomGenerator {
        let state = try uint64(what), increment = try uint64(what)
        let hasSpare = try bool(what), spare = try double(what)
        return RandomGenerator(state: state, increment: increment, spareNormal: hasSpare ? spare : nil)
    }

    /// A count followed by that many elements read by `body`.
    mutating func list<Element>(_ what: String,
                                each body: (inout CheckpointReader) throws(CheckpointError) -> Element) throws(CheckpointError) -> [Element] {
        let length = try count(what)
        var elements: [Element] = []
        elements.reserveCapacity(length)
        for _ in 0..<length { elements.append(try body(&self)) }
        return elements
    }
}
