import { render, screen } from '@testing-library/react';
import { IdNumberText } from '../../../renderer/cases/IdNumberText';

describe('an ID number on a case page', () => {
  it('marks a number that came back masked from the bureau’s recovery package, to be entered again', () => {
    render(<IdNumberText value="110105********002X" />);
    expect(screen.getByText('需重新录入')).toHaveAttribute('title', expect.stringMatching(/数据报送 → 从县局恢复/));
  });

  it('shows a real number as it is, and a missing one as a dash', () => {
    const { container } = render(<IdNumberText value="11010519491231002X" />);
    expect(container.textContent).toBe('11010519491231002X');
    expect(screen.queryByText('需重新录入')).toBeNull();
    expect(render(<IdNumberText value="" />).container.textContent).toBe('—');
  });
});
