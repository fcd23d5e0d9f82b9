// The portable build only (STEWARD_PORTABLE). libgit2.a calls GSSAPI for HTTP Negotiate
// (Kerberos) authentication to remotes; Debian ships no static Kerberos library, and steward never
// talks to a remote (no command fetches). So the portable binary links these stand-ins, which
// behave like a GSSAPI with no mechanism: what would create something fails, releases do nothing.
#include <cstdint>

extern "C" {

using OM_uint32 = std::uint32_t;
struct gss_OID_desc_struct {
  OM_uint32 length;
  void* elements;
};

namespace {
constexpr OM_uint32 kFailure = 13u << 16;  // GSS_S_FAILURE (a routine error)
constexpr OM_uint32 kComplete = 0;         // GSS_S_COMPLETE
// 1.2.840.113554.1.2.1.4, the OID GSSAPI defines for host-based service names.
unsigned char kHostBasedServiceOid[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x12, 0x01, 0x02, 0x01, 0x04};
gss_OID_desc_struct kHostBasedService{sizeof kHostBasedServiceOid, kHostBasedServiceOid};

OM_uint32 failed(OM_uint32* minor) {
  if (minor) *minor = 0;
  return kFailure;
}
OM_uint32 released(OM_uint32* minor) {
  if (minor) *minor = 0;
  return kComplete;
}
}  // namespace

gss_OID_desc_struct* GSS_C_NT_HOSTBASED_SERVICE = &kHostBasedService;

OM_uint32 gss_indicate_mechs(OM_uint32* minor, void** mechs) {
  if (mechs) *mechs = nullptr;
  return failed(minor);
}
OM_uint32 gss_import_name(OM_uint32* minor, void*, void*, void** name) {
  if (name) *name = nullptr;
  return failed(minor);
}
OM_uint32 gss_init_sec_context(OM_uint32* minor, void*, void**, void*, void*, OM_uint32, OM_uint32,
                               void*, void*, void**, void*, OM_uint32*, OM_uint32*) {
  return failed(minor);
}
OM_uint32 gss_display_status(OM_uint32* minor, OM_uint32, int, void*, OM_uint32* context, void*) {
  if (context) *context = 0;
  return failed(minor);
}
OM_uint32 gss_delete_sec_context(OM_uint32* minor, void**, void*) {
  return released(minor);
}
OM_uint32 gss_release_buffer(OM_uint32* minor, void*) {
  return released(minor);
}
OM_uint32 gss_release_name(OM_uint32* minor, void**) {
  return released(minor);
}
OM_uint32 gss_release_oid_set(OM_uint32* minor, void**) {
  return released(minor);
}

}  // extern "C"
