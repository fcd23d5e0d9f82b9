#include "traffic/event_lines.h"

#include <zlib.h>

#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "source/input_error.h"

namespace steward::traffic {

namespace {

constexpr size_t kReadSize = 256 << 10;

std::string mebibytes(uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
  return text;
}

}  // namespace

std::string_view LineBatch::store(const char* text, size_t size) {
  // Untouched pages of the storage cost no memory: a batch of small lines uses little of it.
  if (!storage_) storage_ = std::make_unique_for_overwrite<char[]>(kCapacity);
  if (used_ + size + kLinePadding > kCapacity) throw std::logic_error("a batch over its capacity");
  char* out = storage_.get() + used_;
  std::memcpy(out, text, size);
  std::memset(out + size, 0, kLinePadding);
  used_ += size + kLinePadding;
  return {out, size};
}

LineSource::LineSource(std::vector<std::string> paths) : paths_(std::move(paths)) {
  buffer_.resize(kReadSize);
  // Every file must exist before anything is read: a typo is exit 2 at once, not after minutes.
  for (const auto& path : paths_) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      throw InputError("cannot read the sample '" + path + "': no such file",
                       "pass JSON Lines files (plain or .gz) of events; '-' is not supported");
    }
  }
}

LineSource::~LineSource() {
  if (gz_) gzclose(static_cast<gzFile>(gz_));
}

bool LineSource::open_next() {
  if (gz_) gzclose(static_cast<gzFile>(gz_));
  gz_ = nullptr;
  if (next_file_ >= paths_.size()) return false;
  file_ = static_cast<uint32_t>(next_file_);
  const std::string& path = paths_[next_file_++];
  // gzopen reads plain files as they are ("transparent"), so one path serves both.
  gz_ = gzopen(path.c_str(), "rb");
  if (!gz_) throw InputError("cannot open the sample '" + path + "'", "check its permissions");
  gzbuffer(static_cast<gzFile>(gz_), kReadSize);
  begin_ = end_ = 0;
  line_ = 0;
  return true;
}

// Moves what is left to the front and reads more; false at the end of the file (or an error).
bool LineSource::fill_buffer() {
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);
  int n = gzread(static_cast<gzFile>(gz_), buffer_.data() + end_,
                 static_cast<unsigned>(buffer_.size() - end_));
  if (n <= 0) return false;
  end_ += static_cast<size_t>(n);
  bytes_read_ += static_cast<size_t>(n);
  return true;
}

bool LineSource::next_batch(LineBatch& batch) {
  batch.clear();
  if (!gz_ && !open_next()) return false;
  while (batch.lines.size() < kBatchLines && batch.bytes < kBatchBytes) {
    char* start = buffer_.data() + begin_;
    auto* newline = static_cast<char*>(std::memchr(start, '\n', end_ - begin_));
    if (!newline && end_ - begin_ > kMaxLineBytes) {
      // Too long: skip to the end of the line without keeping it, whatever its length.
      uint64_t skipped = end_ - begin_;
      begin_ = end_ = 0;
      for (;;) {
        if (!fill_buffer()) break;
        auto* nl = static_cast<char*>(std::memchr(buffer_.data(), '\n', end_));
        if (nl) {
          skipped += static_cast<uint64_t>(nl - buffer_.data());
          begin_ = static_cast<size_t>(nl - buffer_.data()) + 1;
          break;
        }
        skipped += end_;
        end_ = 0;
      }
      batch.lines.push_back(
          {file_, ++line_, {}, SampleLine::Problem::too_long, mebibytes(skipped)});
      continue;
    }
    if (!newline) {
      if (fill_buffer()) continue;
      int code = Z_OK;
      const char* message = gzerror(static_cast<gzFile>(gz_), &code);
      bool failed = code != Z_OK && code != Z_STREAM_END;
      if (failed) {
        // A truncated gzip: what was read stands; the cut line and the rest are one reason.
        batch.lines.push_back({file_,
                               ++line_,
                               {},
                               SampleLine::Problem::unreadable,
                               message && *message ? message : "read error"});
      } else if (end_ > begin_) {
        std::string_view text = batch.store(buffer_.data() + begin_, end_ - begin_);
        batch.bytes += text.size();
        batch.lines.push_back({file_, ++line_, text, SampleLine::Problem::none, {}});
      }
      begin_ = end_ = 0;
      if (!open_next()) break;
      continue;
    }
    size_t length = static_cast<size_t>(newline - start);
    ++line_;
    begin_ += length + 1;
    if (length > 0 && start[length - 1] == '\r') --length;
    if (length > kMaxLineBytes) {
      batch.lines.push_back({file_, line_, {}, SampleLine::Problem::too_long, mebibytes(length)});
      continue;
    }
    bool blank = true;
    for (size_t i = 0; i < length && blank; ++i)
      blank = start[i] == ' ' || start[i] == '\t';
    if (blank) continue;
    batch.bytes += length;
    batch.lines.push_back(
        {file_, line_, batch.store(start, length), SampleLine::Problem::none, {}});
  }
  return !batch.lines.empty() || gz_ != nullptr;
}

}  // namespace steward::traffic
