import type { ComponentProps } from 'react';
import { Button } from 'antd';
import { useNavigate } from 'react-router';

/**
 * A button that is a real link: a click navigates inside the app, a middle-click or
 * "open in new tab" works as on any link.
 */
export function LinkButton({ to, ...props }: { to: string } & Omit<ComponentProps<typeof Button>, 'href'>) {
  const navigate = useNavigate();
  return (
    <Button
      {...props}
      href={to}
      onClick={(event) => {
        props.onClick?.(event);
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
          return;
        event.preventDefault();
        navigate(to);
      }}
    />
  );
}
