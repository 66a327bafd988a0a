import Foundation

/// One TensorBoard event file being written: TFRecord-framed `Event` messages, the first
/// announcing the format version ("brain.Event:2"), each later one a summary at a step.
///
/// The file is started afresh and atomically with the version event, then grows by
/// whole records appended at its end, so a reader never sees a partial record other
/// than a last one being written.
final class EventFileWriter {
    static let fileVersion = "brain.Event:2"

    let url: URL
    private let handle: FileHandle
    private let clock: () -> Double

    /// Replaces the file at `url` with the version event, then opens it for appending;
    /// `clock` gives every event's wall time in seconds since 1970.
    init(url: URL, clock: @escaping () -> Double) throws {
        self.url = url
        self.clock = clock
        try AtomicFile.write(try Self.record(Self.versionEvent(wallTime: clock())), to: url)
        do {
            handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
        } catch {
            throw TensorBoardWriteError(path: url.path, reason: error.localizedDescription)
        }
    }

    deinit {
        try? handle.close()
    }

    /// Appends `summary` at `step`, stamped with `wallTime` (the clock's time when nil).
    /// A write that fails (a full disk) is cut back off, so the file ends with a whole record.
    func append(step: Int, summary: Tensorboard_Summary, wallTime: Double? = nil) throws {
        let record = try Self.record(Self.event(step: step, summary: summary, wallTime: wallTime ?? clock()))
        do {
            let end = try handle.offset()
            do {
                try handle.write(contentsOf: record)
            } catch {
                try? handle.truncate(atOffset: end)
                throw error
            }
        } catch {
            throw TensorBoardWriteError(path: url.path, reason: error.localizedDescription)
        }
    }

    /// The first event of every event file.
    static func versionEvent(wallTime: Double) -> Tensorboard_Event {
        var event = Tensorboard_Event()
        event.wallTime = wallTime
        event.fileVersion = fileVersion
        return event
    }

    static func event(step: Int, summary: Tensorboard_Summary, wallTime: Double) -> Tensorboard_Event {
        var event = Tensorboard_Event()
        event.wallTime = wallTime
        event.step = Int64(step)
        event.summary = summary
        return event
    }

    /// `event` encoded and framed as one record.
    static func record(_ event: Tensorboard_Event) throws -> Data {
        TFRecord.frame(try event.deterministicBytes())
    }
}
