/**
 * Published SLAs as ready policy documents: {@link dev.amends.presets.Presets#load(String)} reads
 * one by name, {@link dev.amends.presets.Presets#names()} lists them. Each is an ordinary policy
 * document (resources in {@code dev/amends/presets/}), whose {@code description} names its source,
 * its table and what it leaves to the user. {@code @SuppressWarnings}: the Immutables annotations
 * jar, read through {@code dev.amends.rules}, is an automatic module.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.amends.presets {
  requires transitive dev.amends.rules;

  exports dev.amends.presets;
}
