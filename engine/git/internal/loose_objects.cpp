#include "git/internal/loose_objects.h"

#include <zlib.h>

#include <array>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <vector>

#include "source/input_error.h"

namespace steward::git::internal {

namespace fs = std::filesystem;

namespace {

bool is_hex(const std::string& text) {
  return text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// Inflates a whole loose object; true when the stream ends properly and the content is as long
// as the header ("<type> <size>\0") says.
bool intact(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return true;  // unreadable: libgit2 reports it (it does not hang on a missing file)
  std::vector<char> compressed((std::istreambuf_iterator<char>(in)), {});
  z_stream stream{};
  if (inflateInit(&stream) != Z_OK) return false;
  stream.next_in = reinterpret_cast<Bytef*>(compressed.data());
  stream.avail_in = static_cast<uInt>(compressed.size());
  std::array<unsigned char, 16384> chunk;
  std::string header;
  unsigned long long inflated = 0;
  int code = Z_OK;
  while (code == Z_OK) {
    stream.next_out = chunk.data();
    stream.avail_out = chunk.size();
    code = inflate(&stream, Z_NO_FLUSH);
    size_t produced = chunk.size() - stream.avail_out;
    if (header.size() < 64 && header.find('\0') == std::string::npos) {
      header.append(reinterpret_cast<const char*>(chunk.data()), std::min<size_t>(produced, 64));
    }
    inflated += produced;
    if (code == Z_OK && produced == 0 && stream.avail_in == 0) break;  // input ran out early
  }
  inflateEnd(&stream);
  if (code != Z_STREAM_END) return false;
  size_t space = header.find(' '), nul = header.find('\0');
  if (space == std::string::npos || nul == std::string::npos || nul < space) return false;
  unsigned long long size = 0;
  auto [end, error] = std::from_chars(header.data() + space + 1, header.data() + nul, size);
  return error == std::errc{} && end == header.data() + nul && inflated == nul + 1 + size;
}

}  // namespace

void verify_loose_objects(git_repository* repo) {
  const fs::path objects = fs::path(git_repository_commondir(repo)) / "objects";
  std::error_code ec;
  for (fs::directory_iterator folders(objects, ec), end; !ec && folders != end;
       folders.increment(ec)) {
    std::string prefix = folders->path().filename().string();
    if (prefix.size() != 2 || !is_hex(prefix) || !folders->is_directory(ec)) continue;
    for (fs::directory_iterator files(folders->path(), ec); !ec && files != end;
         files.increment(ec)) {
      std::string rest = files->path().filename().string();
      if (rest.size() != 38 || !is_hex(rest) || intact(files->path())) continue;
      throw InputError("the git object " + prefix + rest + " is damaged: its loose object file '" +
                           files->path().string() + "' is cut short or corrupt",
                       "restore the object: fetch it again from another clone, or run `git fsck` "
                       "to see what it belongs to");
    }
  }
}

}  // namespace steward::git::internal
