#include "media/JpegCheck.h"

#include <csetjmp>
#include <cstdio>
#include <vector>

#include <jerror.h>
#include <jpeglib.h>

namespace bitmarket::server::media {

namespace {

enum class Verdict { Sound, Incomplete, Damaged, TooMuchWork };

// libjpeg reports through callbacks; this is the state they share. Errors
// leave through longjmp, so everything between setjmp and the callbacks is
// plain C data.
struct Reader {
    jpeg_decompress_struct info;
    jpeg_error_mgr errors;
    jpeg_progress_mgr progress;
    std::jmp_buf failed;
    Verdict verdict = Verdict::Sound;
    JpegCheck::Limits limits;
};

Reader& readerOf(j_common_ptr info) {
    // info is the first member of Reader, so the struct starts where it does.
    return *reinterpret_cast<Reader*>(info);
}

[[noreturn]] void stop(j_common_ptr info) {
    std::longjmp(readerOf(info).failed, 1);
}

void onError(j_common_ptr info) {
    Reader& reader = readerOf(info);
    if (reader.verdict == Verdict::Sound)
        reader.verdict = Verdict::Damaged;
    stop(info);
}

// A warning that means the data is cut off or damaged ends the check at once:
// libjpeg would go on, padding the picture with grey or decoding repeated scans.
void onMessage(j_common_ptr info, int level) {
    if (level >= 0)
        return; // trace messages
    Reader& reader = readerOf(info);
    switch (info->err->msg_code) {
    case JWRN_JPEG_EOF:   // the file ends inside the picture
    case JWRN_HIT_MARKER: // a marker (an appended FF D9) before the data ran out
        reader.verdict = Verdict::Incomplete;
        stop(info);
    case JWRN_HUFF_BAD_CODE:
    case JWRN_MUST_RESYNC:
    case JWRN_BOGUS_PROGRESSION: // a scan repeated or out of order
        reader.verdict = Verdict::Damaged;
        stop(info);
    default:
        break; // e.g. extraneous bytes between segments: harmless
    }
}

void onOutputMessage(j_common_ptr) {
}

// Called between rows while libjpeg reads scans: the budget is checked as soon
// as a scan starts, before its blocks are walked.
void onProgress(j_common_ptr common) {
    Reader& reader = readerOf(common);
    const jpeg_decompress_struct& info = reader.info;
    const qint64 pixels = qint64(info.image_width) * info.image_height;
    if (info.input_scan_number > reader.limits.maxScans ||
        info.input_scan_number * pixels > reader.limits.maxScanPixels) {
        reader.verdict = Verdict::TooMuchWork;
        stop(common);
    }
}

// Everything libjpeg touches lives in `reader` and `rows`, made before setjmp.
Verdict read(Reader& reader, const QByteArray& jpeg, std::vector<JSAMPLE>& rows) {
    jpeg_decompress_struct& info = reader.info;
    info.err = jpeg_std_error(&reader.errors);
    reader.errors.error_exit = onError;
    reader.errors.emit_message = onMessage;
    reader.errors.output_message = onOutputMessage;
    reader.progress.progress_monitor = onProgress;
    if (setjmp(reader.failed)) {
        jpeg_destroy_decompress(&info);
        return reader.verdict;
    }
    jpeg_create_decompress(&info);
    info.progress = &reader.progress;
    jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(jpeg.constData()),
                 static_cast<unsigned long>(jpeg.size()));
    jpeg_read_header(&info, TRUE);
    // One pixel per block: all of the entropy-coded data is read, almost no pixels made.
    info.scale_num = 1;
    info.scale_denom = 8;
    info.dct_method = JDCT_IFAST;
    info.do_fancy_upsampling = FALSE;
    jpeg_start_decompress(&info);
    rows.resize(std::size_t(info.output_width) * info.output_components);
    JSAMPROW row = rows.data();
    while (info.output_scanline < info.output_height)
        jpeg_read_scanlines(&info, &row, 1);
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    return reader.verdict;
}

} // namespace

Result<void> JpegCheck::check(const QByteArray& jpeg, const Limits& limits) {
    Reader reader;
    reader.limits = limits;
    std::vector<JSAMPLE> rows;
    switch (read(reader, jpeg, rows)) {
    case Verdict::Sound:
        return {};
    case Verdict::Incomplete:
        return ApiError::validation(
            QStringLiteral("The photo is incomplete (the upload was cut off)."),
            QStringLiteral("file"));
    case Verdict::Damaged:
        break;
    case Verdict::TooMuchWork:
        return ApiError::validation(
            QStringLiteral("The photo has too many progressive scans to decode; save it again "
                           "as an ordinary JPEG."),
            QStringLiteral("file"));
    }
    return ApiError::validation(QStringLiteral("The photo is damaged and cannot be read."),
                                QStringLiteral("file"));
}

} // namespace bitmarket::server::media
