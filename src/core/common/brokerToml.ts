/** Parts of the broker configuration (TOML) that both API versions write the same way. */

/** A TOML basic string; JSON's escapes are a subset of TOML's. */
export const tomlString = (value: string): string => JSON.stringify(value);

/**
 * The entries of `[bootstrap] hosts` (both APIs): the hostlist, after the parent's lead broker
 * when this is a bursted child, which reaches that broker by address.
 */
export function bootstrapHosts(hosts: string, lead: { address?: string | undefined; port: number } | undefined): string[] {
  return lead?.address
    ? [
        `{ host = ${tomlString(lead.address)}, bind = ${tomlString(`tcp://eth0:${lead.port}`)}, connect = ${tomlString(`tcp://${lead.address}:${lead.port}`)} }`,
        `{ host = ${tomlString(hosts)} }`,
      ]
    : [`{ host = ${tomlString(hosts)} }`];
}
