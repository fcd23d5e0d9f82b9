#include "config/blob_cache_pack.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <memory>
#include <random>

namespace steward::config {

namespace fs = std::filesystem;

namespace {

// The most bytes a header may take (a very long path).
constexpr uint64_t kMaxHeaderBytes = 1 << 20;
// Appends are gathered into writes of about this size.
constexpr size_t kWriteBufferBytes = 1 << 20;

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(written));
  }
  return true;
}

}  // namespace

fs::path unique_path(const fs::path& dir, std::string_view prefix, std::string_view suffix) {
  static std::atomic<uint64_t> counter{0};
  static const uint64_t random_bits = std::random_device{}();
  std::string name(prefix);
  name += std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
          std::to_string(random_bits);
  name += suffix;
  return dir / name;
}

// ---- PackFile -----------------------------------------------------------------------------------

std::shared_ptr<PackFile> PackFile::open(const fs::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  auto file = std::make_shared<PackFile>(fd);
  if (file->read(0, kPackMagic.size()) != std::string(kPackMagic)) return nullptr;
  return file;
}

PackFile::~PackFile() {
  ::close(fd_);
}

uint64_t PackFile::size() const {
  struct stat status {};
  if (::fstat(fd_, &status) != 0 || status.st_size < 0) return 0;
  return static_cast<uint64_t>(status.st_size);
}

std::optional<std::string> PackFile::read(uint64_t offset, uint64_t size) const {
  std::string bytes(size, '\0');
  if (!read_into(bytes.data(), offset, size)) return std::nullopt;
  return bytes;
}

bool PackFile::read_into(char* out, uint64_t offset, uint64_t size) const {
  uint64_t done = 0;
  while (done < size) {
    ssize_t got = ::pread(fd_, out + done, size - done, static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    done += static_cast<uint64_t>(got);
  }
  return true;
}

namespace {

// A window of a pack's bytes that the entries' headers are parsed from. A pack holds thousands of
// entries of a few kilobytes (a parse each); a pread of 4 KiB into a new, zeroed string for each
// header took 127 M instructions of a warm check on 20,000 files (38 M this way). One read fills
// the window with hundreds of headers and the payloads between them.
class HeaderWindow {
 public:
  HeaderWindow(const PackFile& file, uint64_t end) : file_(file), end_(end) {}

  // The header at `offset`, or nullopt when the bytes there are no whole header.
  std::optional<CacheEntryHeader> header_at(uint64_t offset) {
    // The most bytes a header there may take: with those in the window and no header, it is
    // garbage or cut short.
    const uint64_t most = std::min(kMaxHeaderBytes, end_ - offset);
    if ((offset < start_ || offset > start_ + size_) && !fill(offset)) return std::nullopt;
    for (;;) {
      const auto at = static_cast<size_t>(offset - start_);
      auto header = read_cache_entry_header(std::string_view(bytes_.get() + at, size_ - at));
      if (header) return header;
      if (start_ + size_ - offset >= most || !fill(offset)) return std::nullopt;
    }
  }

 private:
  static constexpr uint64_t kWindowBytes = std::max<uint64_t>(1 << 20, kMaxHeaderBytes);

  // The window from `offset`: as many bytes as it holds, or as the pack has left. Read into one
  // buffer, never cleared first.
  bool fill(uint64_t offset) {
    const uint64_t size = std::min(kWindowBytes, end_ - offset);
    if (!file_.read_into(bytes_.get(), offset, size)) return false;
    start_ = offset;
    size_ = static_cast<size_t>(size);
    return true;
  }

  const PackFile& file_;
  const uint64_t end_;
  std::unique_ptr<char[]> bytes_ = std::make_unique_for_overwrite<char[]>(kWindowBytes);
  uint64_t start_ = 0;
  size_t size_ = 0;
};

}  // namespace

std::vector<PackedEntry> PackFile::entries() const {
  std::vector<PackedEntry> entries;
  const uint64_t end = size();
  uint64_t offset = kPackMagic.size();
  HeaderWindow window(*this, end);
  while (offset < end) {
    std::optional<CacheEntryHeader> header = window.header_at(offset);
    if (!header) break;
    const uint64_t size = header->header_size + header->payload_size;
    if (header->payload_size > end || size > end - offset) break;  // cut short
    entries.push_back({std::move(*header), offset, size});
    offset += size;
  }
  return entries;
}

// ---- PackWriter ---------------------------------------------------------------------------------

PackWriter::PackWriter(fs::path temporary, std::shared_ptr<PackFile> file)
    : temporary_(std::move(temporary)), file_(std::move(file)) {
  buffer_.append(kPackMagic);
}

std::unique_ptr<PackWriter> PackWriter::create(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  fs::path temporary = unique_path(dir, kTemporaryPrefix, kPackSuffix);
  int fd = ::open(temporary.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return nullptr;
  return std::unique_ptr<PackWriter>(
      new PackWriter(std::move(temporary), std::make_shared<PackFile>(fd)));
}

PackWriter::~PackWriter() {
  if (published_) return;
  std::error_code ec;
  fs::remove(temporary_, ec);
}

std::optional<uint64_t> PackWriter::append(std::string_view header, std::string_view payload) {
  if (failed_ || published_) return std::nullopt;
  const uint64_t offset = flushed_ + buffer_.size();
  if (header.size() + payload.size() >= kWriteBufferBytes) {
    // Copying a large entry into the buffer would hold it twice for nothing.
    if (!flush()) return std::nullopt;
    for (std::string_view part : {header, payload}) {
      if (!write_all(file_->fd(), part)) {
        failed_ = true;
        return std::nullopt;
      }
      flushed_ += part.size();
    }
    return offset;
  }
  buffer_.append(header).append(payload);
  if (buffer_.size() >= kWriteBufferBytes && !flush()) return std::nullopt;
  return offset;
}

bool PackWriter::flush() {
  if (failed_) return false;
  if (buffer_.empty()) return true;
  if (!write_all(file_->fd(), buffer_)) {
    failed_ = true;
    return false;
  }
  flushed_ += buffer_.size();
  buffer_.clear();
  return true;
}

bool PackWriter::publish() {
  if (published_) return false;
  std::error_code ec;
  if (flush()) {
    // A fresh name: rename replaces silently, so the name must be one no other pack has.
    fs::rename(temporary_, unique_path(temporary_.parent_path(), "pack-", kPackSuffix), ec);
    if (!ec) {
      published_ = true;
      return true;
    }
  }
  fs::remove(temporary_, ec);
  failed_ = true;
  return false;
}

}  // namespace steward::config
