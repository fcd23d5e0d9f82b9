#include "git/internal/loose_objects.h"

#include <git2/sys/odb_backend.h>
#include <zlib.h>

#include <array>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "git/internal/git_error.h"
#include "source/input_error.h"

namespace steward::git::internal {

namespace fs = std::filesystem;

namespace {

// A loose object's content: its type and bytes, after the header "<type> <size>\0".
struct LooseObject {
  git_object_t type = GIT_OBJECT_INVALID;
  std::string content;
};

// Splits the inflated header; nullopt when it is not "<type> <size>\0" of a known type.
std::optional<std::pair<git_object_t, unsigned long long>> parse_header(std::string_view header) {
  size_t space = header.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  git_object_t type = git_object_string2type(std::string(header.substr(0, space)).c_str());
  unsigned long long size = 0;
  const char* first = header.data() + space + 1;
  const char* last = header.data() + header.size();
  auto [end, error] = std::from_chars(first, last, size);
  if (type == GIT_OBJECT_INVALID || error != std::errc{} || end != last) return std::nullopt;
  return std::make_pair(type, size);
}

// Inflates a whole loose object; nullopt unless the stream ends properly and the content is
// exactly as long as its header says. The output is bounded by that size, so neither a cut-short
// stream nor a zip bomb can run on.
std::optional<LooseObject> inflate_object(const std::vector<char>& compressed) {
  z_stream stream{};
  if (inflateInit(&stream) != Z_OK) return std::nullopt;
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  std::array<unsigned char, 16384> chunk;
  std::string inflated;
  std::optional<unsigned long long> size;
  size_t header_end = 0;
  git_object_t type = GIT_OBJECT_INVALID;
  int code = Z_OK;
  while (code == Z_OK) {
    stream.next_out = chunk.data();
    stream.avail_out = chunk.size();
    code = inflate(&stream, Z_NO_FLUSH);
    size_t produced = chunk.size() - stream.avail_out;
    inflated.append(reinterpret_cast<const char*>(chunk.data()), produced);
    if (!size) {
      header_end = inflated.find('\0');
      if (header_end == std::string::npos && inflated.size() > 64) break;  // no header
      if (header_end != std::string::npos) {
        auto header = parse_header(std::string_view(inflated).substr(0, header_end));
        if (!header) break;
        type = header->first;
        size = header->second;
        if (*size < (1ull << 40)) inflated.reserve(header_end + 1 + *size);
      }
    }
    if (size && inflated.size() > header_end + 1 + *size) break;       // longer than it says
    if (code == Z_OK && produced == 0 && stream.avail_in == 0) break;  // input ran out early
  }
  inflateEnd(&stream);
  if (code != Z_STREAM_END || !size || inflated.size() != header_end + 1 + *size)
    return std::nullopt;
  return LooseObject{type, inflated.substr(header_end + 1)};
}

// The backend: libgit2's struct first, so libgit2's pointer is ours.
struct GuardBackend {
  git_odb_backend parent;
  std::string objects;  // the repository's objects folder
};

thread_local std::string damage_message;

std::string describe_damage(const git_oid& id, const fs::path& path) {
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &id);
  return std::string("the git object ") + hex + " is damaged: its loose object file '" +
         path.string() + "' is cut short or corrupt";
}

// The object when it is loose and whole (0); GIT_ENOTFOUND when it is not loose (libgit2's other
// backends then look for it); GIT_ERROR when it is loose and damaged, with `damage` saying so.
int read_loose(LooseObject& object, const std::string& objects, const git_oid& id,
               std::string& damage) {
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &id);
  const fs::path path = fs::path(objects) / std::string(hex, 2) / std::string(hex + 2);
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return GIT_ENOTFOUND;  // unreadable: libgit2 reports it (it does not hang on that)
  // Read in one go, from the size the file has (a character at a time, through the stream's
  // iterator, was 1% of a cold check); what a short read leaves out, the inflate finds missing.
  std::vector<char> compressed;
  if (const std::streamoff size = in.tellg(); size > 0 && in.seekg(0)) {
    compressed.resize(static_cast<size_t>(size));
    in.read(compressed.data(), size);
    compressed.resize(static_cast<size_t>(in.gcount()));
  }
  if (auto inflated = inflate_object(compressed)) {
    object = std::move(*inflated);
    return 0;
  }
  damage = describe_damage(id, path);
  return GIT_ERROR;
}

// read_loose for libgit2: a damage becomes libgit2's error message and this thread's
// damage_message.
int read_loose(LooseObject& object, GuardBackend& backend, const git_oid& id) {
  std::string damage;
  int code = read_loose(object, backend.objects, id, damage);
  if (code == GIT_ERROR) {
    damage_message = damage;
    git_error_set_str(GIT_ERROR_ODB, damage_message.c_str());
  }
  return code;
}

int guard_read(void** data, size_t* length, git_object_t* type, git_odb_backend* parent,
               const git_oid* id) {
  auto& backend = *reinterpret_cast<GuardBackend*>(parent);
  LooseObject object;
  if (int code = read_loose(object, backend, *id); code != 0) return code;
  void* buffer = git_odb_backend_data_alloc(parent, object.content.size());
  if (buffer == nullptr) return GIT_ERROR;
  std::memcpy(buffer, object.content.data(), object.content.size());
  *data = buffer;
  *length = object.content.size();
  *type = object.type;
  return 0;
}

// Only checks: libgit2's loose backend then reads the header of an object that is whole.
int guard_read_header(size_t*, git_object_t*, git_odb_backend* parent, const git_oid* id) {
  LooseObject object;
  int code = read_loose(object, *reinterpret_cast<GuardBackend*>(parent), *id);
  return code == 0 ? GIT_ENOTFOUND : code;
}

// A short id (`git rev-parse` style): every loose object it could name is checked; the lookup
// itself, ambiguity included, is left to libgit2's backends.
int guard_read_prefix(git_oid*, void**, size_t*, git_object_t*, git_odb_backend* parent,
                      const git_oid* prefix, size_t length) {
  auto& backend = *reinterpret_cast<GuardBackend*>(parent);
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, prefix);
  const std::string wanted(hex, std::min<size_t>(length, GIT_OID_HEXSZ));
  if (wanted.size() < 2) return GIT_ENOTFOUND;
  std::error_code ec;
  const fs::path folder = fs::path(backend.objects) / wanted.substr(0, 2);
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string rest = it->path().filename().string();
    if (rest.size() != GIT_OID_HEXSZ - 2 || !rest.starts_with(wanted.substr(2))) continue;
    git_oid id;
    if (git_oid_fromstr(&id, (wanted.substr(0, 2) + rest).c_str()) < 0) continue;
    LooseObject object;
    if (int code = read_loose(object, backend, id); code != 0 && code != GIT_ENOTFOUND) return code;
  }
  return GIT_ENOTFOUND;
}

void guard_free(git_odb_backend* parent) {
  delete reinterpret_cast<GuardBackend*>(parent);
}

// Above libgit2's packed (2) and loose (1) backends, so every read asks this one first.
constexpr int kGuardPriority = 3;

}  // namespace

void guard_loose_objects(git_repository* repo) {
  git_odb* raw = nullptr;
  check(git_repository_odb(&raw, repo), "cannot open the object database");
  std::unique_ptr<git_odb, decltype(&git_odb_free)> odb(raw, git_odb_free);
  auto backend = std::make_unique<GuardBackend>();
  git_odb_init_backend(&backend->parent, GIT_ODB_BACKEND_VERSION);
  backend->objects = (fs::path(git_repository_commondir(repo)) / "objects").string();
  backend->parent.read = guard_read;
  backend->parent.read_header = guard_read_header;
  backend->parent.read_prefix = guard_read_prefix;
  backend->parent.free = guard_free;
  check(git_odb_add_backend(odb.get(), &backend->parent, kGuardPriority),
        "cannot read the object database");
  backend.release();  // the object database owns it now
}

void check_revision_object(git_repository* repo, const std::string& rev) {
  git_oid id;
  bool found = false;
  git_reference* named = nullptr;
  if (git_reference_dwim(&named, repo, rev.c_str()) == 0) {
    git_reference* resolved = nullptr;
    if (git_reference_resolve(&resolved, named) == 0 && git_reference_target(resolved)) {
      id = *git_reference_target(resolved);
      found = true;
    }
    git_reference_free(resolved);
  } else if (rev.size() == GIT_OID_HEXSZ && git_oid_fromstr(&id, rev.c_str()) == 0) {
    found = true;
  }
  git_reference_free(named);
  git_error_clear();  // a rev that is no ref is revparse's to judge
  if (!found) return;
  LooseObject object;
  std::string damage;
  const std::string objects = (fs::path(git_repository_commondir(repo)) / "objects").string();
  if (read_loose(object, objects, id, damage) == GIT_ERROR)
    throw InputError(damage, kDamagedObjectFix);
}

std::string take_damage_message() {
  return std::exchange(damage_message, std::string());
}

}  // namespace steward::git::internal
