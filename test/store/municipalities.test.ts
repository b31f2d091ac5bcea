import { expect, it } from 'vitest';
import { ShinchokuError } from '../../src/core/errors.ts';
import {
  createMunicipality,
  HOME_MUNICIPALITY_ID,
  listMunicipalities,
  municipalityByCode,
  municipalityById,
  nameHomeMunicipality,
} from '../../src/store/municipalities.ts';
import { describeStores } from '../support/stores.ts';

describeStores('municipalities', (get) => {
  it('holds the installation’s own municipality as row 1, unnamed, on a fresh store', async () => {
    const home = await municipalityById(get().db, HOME_MUNICIPALITY_ID);
    expect(home).toEqual({ id: 1, code: null, name: '', prefecture: null });
  });

  it('names row 1 once, from the first plan, and keeps a name it already has', async () => {
    const db = get().db;
    await nameHomeMunicipality(db, { code: '112330', name: '北本市' });
    await nameHomeMunicipality(db, { code: '111007', name: 'さいたま市' });
    const home = await municipalityById(db, HOME_MUNICIPALITY_ID);
    expect(home?.code).toBe('112330');
    expect(home?.name).toBe('北本市');
    expect(home?.prefecture?.ja).toBe('埼玉県');
  });

  it('adds municipalities by code, numbered after row 1, and refuses a code twice', async () => {
    const db = get().db;
    const sano = await createMunicipality(db, { code: '092045', name: '佐野市' }, null);
    expect(sano.id).toBe(2);
    expect(sano.prefecture?.code).toBe('09');
    await expect(createMunicipality(db, { code: '092045', name: '佐野市' }, null)).rejects.toThrow(
      ShinchokuError,
    );
    expect((await municipalityByCode(db, '092045'))?.name).toBe('佐野市');
    expect((await listMunicipalities(db)).map((m) => m.code)).toEqual(['092045', null]);
  });

  it('leaves row 1 without a code another municipality already holds', async () => {
    const db = get().db;
    await createMunicipality(db, { code: '112330', name: '北本市' }, null);
    await nameHomeMunicipality(db, { code: '112330', name: '北本市' });
    const home = await municipalityById(db, HOME_MUNICIPALITY_ID);
    expect(home).toMatchObject({ code: null, name: '北本市' });
  });

  it('gives two concurrent adds of one code one row and one conflict', async () => {
    const db = get().db;
    const results = await Promise.allSettled([
      createMunicipality(db, { code: '202011', name: '長野市' }, null),
      createMunicipality(db, { code: '202011', name: '長野市' }, null),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await listMunicipalities(db)).filter((m) => m.code === '202011')).toHaveLength(1);
  });
});
