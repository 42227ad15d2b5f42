'use client';

import { type CSSProperties, useState } from 'react';
import { partClass } from './class-name.ts';
import { hueOf, initialsOf } from './initials.ts';

/**
 * The app's logo, or its initials on a colour of its own when it has none or the image fails. The
 * logo is decorative (`alt=""`): the app's name is right beside it.
 */
export function AppLogo({
  name,
  logoUrl,
  className,
}: {
  name: string;
  logoUrl: string | null;
  className?: string;
}) {
  const [failed, setFailed] = useState(false);
  if (logoUrl && !failed) {
    return (
      <img
        className={partClass('logo', className)}
        src={logoUrl}
        alt=""
        width={40}
        height={40}
        onError={() => setFailed(true)}
      />
    );
  }
  return (
    <span
      className={partClass('logo ca-logo-initials', className)}
      aria-hidden="true"
      style={{ '--ca-logo-hue': hueOf(name) } as CSSProperties}
    >
      {initialsOf(name)}
    </span>
  );
}
