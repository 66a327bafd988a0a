import Foundation

/// The record framing of TensorFlow's event files (TFRecord): each record is its
/// length as a little-endian UInt64, the masked CRC-32C of those 8 bytes, the data,
/// and the masked CRC-32C of the data (both CRCs little-endian UInt32).
public enum TFRecord {
    /// `data` framed as one record.
    public static func frame(_ data: Data) -> Data {
        var record = Data(capacity: data.count + 16)
        let length = littleEndianBytes(UInt64(data.count))
        record.append(contentsOf: length)
        record.append(contentsOf: littleEndianBytes(CRC32C.masked(length)))
        record.append(data)
        record.append(contentsOf: littleEndianBytes(CRC32C.masked(data)))
        return record
    }

    /// The data of every record in `file`, in order, each checked against its CRCs.
    ///
    /// A truncated last record (a writer still appending, or one that was killed) ends the
    /// list, as TensorBoard's reader treats it.
    ///
    /// - Throws: `TFRecordError` when a length or data CRC does not match.
    public static func records(in file: Data) throws -> [Data] {
        let bytes = [UInt8](file)
        var records: [Data] = []
        var offset = 0
        while bytes.count - offset >= 12 {
            let lengthBytes = bytes[offset..<offset + 8]
            guard littleEndianUInt32(bytes, at: offset + 8) == CRC32C.masked(lengthBytes) else {
                throw TFRecordError.corruptLength(offset: offset)
            }
            let length = lengthBytes.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let start = offset + 12
            guard length <= UInt64(bytes.count - start), bytes.count - start - Int(length) >= 4 else { break }
            let end = start + Int(length)
            guard littleEndianUInt32(bytes, at: end) == CRC32C.masked(bytes[start..<end]) else {
                throw TFRecordError.corruptData(offset: offset)
            }
            records.append(Data(bytes[start..<end]))
            offset = end + 4
        }
        return records
    }

    private static func littleEndianBytes<Value: FixedWidthInteger>(_ value: Value) -> [UInt8] {
        (0..<Value.bitWidth / 8).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    private static func littleEndianUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << ($1 * 8) }
    }
}
